package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import dev.dotgit.adapter.rest.v3.http.AuthenticatedCaller;
import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /v3/sse/logs/{id}}: a deployment's log as server-sent events (seed 000).
 *
 * <p>The request is authenticated, and the deployment looked up, before the stream starts, so
 * a refused request gets the normal v3 error response, never a stream. Then: every line after
 * {@code Last-Event-ID} (or the {@code after} query parameter; the header wins) as
 * {@code event: log}, {@code id: <seq>}, {@code data: {"ts","level","msg"}}; new lines as they
 * are written (see {@link LogFollower}); a {@code : heartbeat} comment every
 * {@code dotgit.v3.sse.heartbeat-interval}; and, once the deployment is final and every line
 * has been sent, {@code event: end} with {@code data: {"status":"<v3 status>"}}, then the
 * stream closes. Everything is read from the database, so a reconnect works on any node.
 */
@Controller("/v3/sse/logs")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LogStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Pattern SEQ = Pattern.compile("[0-9]{1,18}");

    private final ReadDeploymentLogsQuery readLogs;
    private final DeploymentMapper mapper;
    private final LogStreamSettings settings;
    private final Scheduler blocking;
    private final V3ErrorRenderer errors;

    LogStreamController(ReadDeploymentLogsQuery readLogs, DeploymentMapper mapper, LogStreamSettings settings,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor, V3ErrorRenderer errors) {
        this.readLogs = readLogs;
        this.mapper = mapper;
        this.settings = settings;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
        this.errors = errors;
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> stream(@AuthenticatedCaller Caller caller, String id,
                               @Nullable @Header(LAST_EVENT_ID) String lastEventId,
                               @Nullable @QueryValue("after") String after) {
        long resumeAfter = lastEventId != null ? sequence(LAST_EVENT_ID, lastEventId)
                : after != null ? sequence("after", after) : 0;
        DeploymentLog first = readLogs.read(caller, id, LogRange.after(resumeAfter, LogFollower.BATCH));
        return new LogFollower(readLogs, mapper, caller, first, resumeAfter).events(settings, blocking);
    }

    private static long sequence(String field, String raw) {
        String value = raw.strip();
        if (!SEQ.matcher(value).matches()) {
            throw InvalidInput.badFormat(field, raw, "Must be the id (a non-negative integer) of a log event");
        }
        return Long.parseLong(value);
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
