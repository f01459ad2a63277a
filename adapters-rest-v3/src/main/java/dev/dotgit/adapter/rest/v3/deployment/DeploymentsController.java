package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import dev.dotgit.adapter.rest.v3.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v3.http.Cursors;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import dev.dotgit.adapter.rest.v3.http.QueryParameters;
import dev.dotgit.adapter.rest.v3.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.LogLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** One v3 deployment (seed 000): get, cancel, delete, and page through its log. */
@Controller("/v3/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeploymentsController {

    private final GetDeploymentQuery getDeployment;
    private final CancelDeploymentUseCase cancelDeployment;
    private final DeleteDeploymentUseCase deleteDeployment;
    private final ReadDeploymentLogsQuery readLogs;
    private final DeploymentMapper mapper;
    private final PlatformUrls urls;
    private final V3ErrorRenderer errors;

    DeploymentsController(GetDeploymentQuery getDeployment, CancelDeploymentUseCase cancelDeployment,
                          DeleteDeploymentUseCase deleteDeployment, ReadDeploymentLogsQuery readLogs,
                          DeploymentMapper mapper, PlatformUrls urls, V3ErrorRenderer errors) {
        this.getDeployment = getDeployment;
        this.cancelDeployment = cancelDeployment;
        this.deleteDeployment = deleteDeployment;
        this.readLogs = readLogs;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeploymentResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getDeployment.get(caller, id), urls);
    }

    /** Takes no body, so it accepts whatever content type a client's POST defaults to. */
    @Post(value = "/{id}/cancel", consumes = MediaType.ALL)
    DeploymentResponse cancel(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(cancelDeployment.cancel(caller, id), urls);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@AuthenticatedCaller Caller caller, String id) {
        deleteDeployment.delete(caller, id);
        return HttpResponse.noContent();
    }

    /**
     * Oldest line first, v3's unified pagination: the cursor stands for the last line returned,
     * so pages never overlap even while the build is still writing. {@code sse_endpoint} follows
     * the log live.
     */
    @Get("/{id}/logs")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<DeploymentLogsResponse> logs(@AuthenticatedCaller Caller caller, String id,
                                              @Nullable @QueryValue("limit") String limit,
                                              @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        long after = cursor == null ? 0 : Cursors.decodeLog(id, cursor);
        DeploymentLog log = readLogs.read(caller, id, LogRange.after(after, size));
        List<LogLine> lines = log.lines().items();
        String deploymentId = log.deployment().id().value();
        String next = log.lines().hasMore() && !lines.isEmpty()
                ? Cursors.encodeLog(deploymentId, lines.get(lines.size() - 1).seq())
                : null;
        Pagination pagination = Pagination.of(log.lines().hasMore(), next);
        return pagination.ok(new DeploymentLogsResponse(deploymentId, mapper.status(log.deployment().status()),
                mapper.toLogLines(lines), urls.api("/v3/sse/logs/" + deploymentId), pagination));
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
