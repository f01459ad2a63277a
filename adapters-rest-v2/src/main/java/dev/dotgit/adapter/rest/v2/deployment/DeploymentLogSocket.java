package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.domain.access.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code GET /v2/deployments/{id}/logs} as a WebSocket (seed 003, v2.4.1): every log line as a
 * JSON text frame from the first (or after {@code ?after=<seq>}), then the live ones, then
 * {@code {"type":"end","status":"<v2 status>"}} and a normal close (1000) once the deployment
 * is final and every line was sent. See {@link LogStream} for how lines are followed, and
 * {@link LogStreamGuard} for what is checked before the upgrade.
 */
@ServerWebSocket("/v2/deployments/{id}/logs")
final class DeploymentLogSocket {

    /** How often a stream looks for new lines once it has caught up. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final ReadDeploymentLogsQuery readLogs;
    private final ExecutorService blocking;
    private final ScheduledExecutorService timer;
    private final JsonMapper json;
    private final Map<String, LogStream> streams = new ConcurrentHashMap<>();

    DeploymentLogSocket(ReadDeploymentLogsQuery readLogs, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                        JsonMapper json) {
        this.readLogs = readLogs;
        this.blocking = blocking;
        this.json = json;
        // Only wakes streams up: every read runs on the blocking pool.
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "v2-log-stream-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopTimer() {
        timer.shutdownNow();
    }

    /** Runs on the event loop: it only hands the stream to the blocking pool. */
    @OnOpen
    void open(String id, WebSocketSession session, HttpRequest<?> request) {
        Caller caller = request.getAttribute(LogStreamGuard.CALLER, Caller.class).orElse(null);
        long after = request.getAttribute(LogStreamGuard.AFTER, Long.class).orElse(0L);
        if (caller == null) {
            // Only reachable if the guard did not run: refuse rather than stream unchecked.
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        LogStream stream = new LogStream(readLogs, caller, id, after, session, blocking, timer, json, POLL_INTERVAL,
                () -> streams.remove(session.getId()));
        streams.put(session.getId(), stream);
        stream.start();
    }

    /** The stream is one-way; whatever a client sends is ignored. */
    @OnMessage
    void message(String text, WebSocketSession session) {
        // nothing to do
    }

    @OnClose
    void close(WebSocketSession session) {
        LogStream stream = streams.remove(session.getId());
        if (stream != null) {
            stream.stop();
        }
    }
}
