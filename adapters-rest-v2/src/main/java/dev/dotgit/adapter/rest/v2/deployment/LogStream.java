package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.adapter.rest.v2.http.WireTime;
import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.NotFound;
import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one deployment's log for one WebSocket session. Reads run on the blocking pool, one
 * after another (never two at once for a session, so frames stay in order): read the lines
 * after the last one sent; send them; read again at once while more are waiting; otherwise, if
 * the deployment was final, finish; otherwise look again after the poll interval.
 *
 * <p>Finishing is safe because of the application's guarantee: a read returns the deployment
 * as read <em>before</em> its lines, and once a final status is committed no line is ever added.
 * So a read that saw a final status and brought no further lines has seen the whole log.
 *
 * <p>Ends: the end frame and close 1000 when final; if the deployment is deleted meanwhile,
 * {@code {"type":"end","status":null,"reason":"deployment_deleted"}} and close 1000 with reason
 * {@code deployment deleted}; on an unexpected failure, an {@code error} frame and close 1011
 * (the client may reconnect with {@code ?after=<last seq>}).
 */
final class LogStream {

    private static final Logger LOG = LoggerFactory.getLogger(LogStream.class);
    private static final int BATCH = 500;
    private static final CloseReason DELETED = new CloseReason(CloseReason.NORMAL.getCode(), "deployment deleted");

    private final ReadDeploymentLogsQuery readLogs;
    private final Caller caller;
    private final String deploymentId;
    private final WebSocketSession session;
    private final ExecutorService blocking;
    private final ScheduledExecutorService timer;
    private final JsonMapper json;
    private final Duration interval;
    private final Runnable onFinish;
    private volatile long lastSeq;
    private volatile boolean stopped;

    @SuppressWarnings("checkstyle:ParameterNumber")
    LogStream(ReadDeploymentLogsQuery readLogs, Caller caller, String deploymentId, long after,
              WebSocketSession session, ExecutorService blocking, ScheduledExecutorService timer, JsonMapper json,
              Duration interval, Runnable onFinish) {
        this.readLogs = readLogs;
        this.caller = caller;
        this.deploymentId = deploymentId;
        this.lastSeq = after;
        this.session = session;
        this.blocking = blocking;
        this.timer = timer;
        this.json = json;
        this.interval = interval;
        this.onFinish = onFinish;
    }

    void start() {
        submit();
    }

    /** The client went away: the next step sees it and does nothing more. */
    void stop() {
        stopped = true;
    }

    private void submit() {
        try {
            blocking.execute(this::poll);
        } catch (RejectedExecutionException shuttingDown) {
            closeQuietly(CloseReason.GOING_AWAY);
        }
    }

    private void poll() {
        if (stopped || !session.isOpen()) {
            onFinish.run();
            return;
        }
        try {
            DeploymentLog log = readLogs.read(caller, deploymentId, LogRange.after(lastSeq, BATCH));
            for (LogLine line : log.lines().items()) {
                send(new LogFrames.Line(line.seq(), WireTime.format(line.timestamp()), line.level().wireName(),
                        line.message()));
                lastSeq = line.seq();
            }
            if (log.lines().hasMore()) {
                submit();
            } else if (log.deployment().status().isFinal()) {
                send(new LogFrames.End(V2DeploymentStatus.wordFor(log.deployment().status())));
                finish(CloseReason.NORMAL);
            } else {
                timer.schedule(this::submit, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (NotFound deleted) {
            sendQuietly(LogFrames.Gone.DELETED);
            finish(DELETED);
        } catch (RejectedExecutionException shuttingDown) {
            finish(CloseReason.GOING_AWAY);
        } catch (RuntimeException | IOException failure) {
            if (stopped || !session.isOpen()) {
                onFinish.run();
                return;
            }
            LOG.error("Log stream of deployment {} failed", deploymentId, failure);
            sendQuietly(new LogFrames.Failure("error", "stream_failed",
                    "The log stream stopped unexpectedly; reconnect with ?after=" + lastSeq + " to resume."));
            finish(CloseReason.INTERNAL_ERROR);
        }
    }

    private void send(Object frame) throws IOException {
        session.sendSync(json.writeValueAsString(frame));
    }

    private void sendQuietly(Object frame) {
        try {
            send(frame);
        } catch (IOException | RuntimeException ignored) {
            // the session is going away anyway
        }
    }

    private void finish(CloseReason reason) {
        closeQuietly(reason);
        onFinish.run();
    }

    private void closeQuietly(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (RuntimeException ignored) {
            // already closed by the peer
        }
    }
}
