package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.NotFound;
import io.micronaut.http.sse.Event;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Follows one deployment's log for one SSE stream, by polling the log in-port on the blocking
 * pool (never on the event loop): each poll reads the lines after the last one sent.
 *
 * <p>When to end relies on the application's guarantee that a read returns the deployment
 * (its status) as read <em>before</em> the lines, and that no line is added once a final
 * status is committed: a read that shows a final status and leaves no line unread has seen
 * the whole log, so {@code end} follows it. Decisions:
 * <ul>
 *   <li>the deployment deleted while streaming (the read no longer finds it): {@code event: end}
 *       with {@code data: {"status":"deleted"}}, then the stream closes, so a client's
 *       {@code end} handler stops it instead of reconnecting forever;</li>
 *   <li>an unexpected failure of a read (the database down): logged, and the stream closes
 *       without {@code end}; an EventSource reconnects with its {@code Last-Event-ID} and resumes
 *       exactly where it stopped.</li>
 * </ul>
 */
final class LogFollower {

    /** Lines read per poll; a full batch is followed at once by the next poll. */
    static final int BATCH = 500;
    static final String DELETED = "deleted";

    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    /** Marks the end of the polled events, so the heartbeats stop with them; never sent. */
    private static final Event<?> CLOSE = Event.of("close");

    private final ReadDeploymentLogsQuery readLogs;
    private final DeploymentMapper mapper;
    private final Caller caller;
    private final String deploymentId;
    private DeploymentLog pending;
    private long lastSeq;
    private volatile boolean finished;
    private volatile boolean moreWaiting;

    LogFollower(ReadDeploymentLogsQuery readLogs, DeploymentMapper mapper, Caller caller, DeploymentLog first,
                long lastSeq) {
        this.readLogs = readLogs;
        this.mapper = mapper;
        this.caller = caller;
        this.deploymentId = first.deployment().id().value();
        this.pending = first;
        this.lastSeq = lastSeq;
    }

    @Serdeable
    record EndData(String status) {
    }

    Flux<Event<?>> events(LogStreamSettings settings, Scheduler blocking) {
        Flux<Event<?>> polled = Mono.fromCallable(this::poll)
                .subscribeOn(blocking)
                .repeatWhen(polls -> polls.takeWhile(count -> !finished)
                        .concatMap(count -> Mono.delay(moreWaiting ? Duration.ZERO : settings.getPollInterval())))
                .<Event<?>>flatMapIterable(events -> events)
                .onErrorResume(failure -> {
                    LOG.warn("Log stream of deployment {} stopped; the client may resume with Last-Event-ID {}",
                            deploymentId, lastSeq, failure);
                    return Flux.empty();
                })
                .concatWith(Mono.just(CLOSE));
        Flux<Event<?>> heartbeats = Flux.interval(settings.getHeartbeatInterval(), settings.getHeartbeatInterval())
                .map(tick -> heartbeat());
        return Flux.merge(polled, heartbeats)
                .takeUntil(event -> event == CLOSE)
                .filter(event -> event != CLOSE);
    }

    /** One read: the lines it found, and {@code end} when it saw the deployment final with nothing left. */
    List<Event<?>> poll() {
        DeploymentLog log = pending;
        pending = null;
        if (log == null) {
            try {
                log = readLogs.read(caller, deploymentId, LogRange.after(lastSeq, BATCH));
            } catch (NotFound deleted) {
                finished = true;
                return List.of(end(DELETED));
            }
        }
        List<Event<?>> events = new ArrayList<>();
        for (LogLine line : log.lines().items()) {
            events.add(Event.of(mapper.toLogLine(line)).name("log").id(Long.toString(line.seq())));
            lastSeq = line.seq();
        }
        moreWaiting = log.lines().hasMore();
        if (!moreWaiting && log.deployment().status().isFinal()) {
            events.add(end(mapper.status(log.deployment().status())));
            finished = true;
        }
        return events;
    }

    private static Event<?> end(String status) {
        return Event.of(new EndData(status)).name("end");
    }

    private static Event<?> heartbeat() {
        return Event.of("").comment("heartbeat");
    }
}
