package dev.dotgit.adapter.rest.v1.deployment;

import dev.dotgit.adapter.rest.v1.error.V1ErrorBody;
import dev.dotgit.adapter.rest.v1.error.V1ErrorRenderer;
import dev.dotgit.adapter.rest.v1.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v1.http.JsonBody;
import dev.dotgit.adapter.rest.v1.http.QueryParameters;
import dev.dotgit.adapter.rest.v1.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** v1 deployments (seed 004): trigger, list by offset, get, cancel, delete, and read logs. */
@Controller("/v1/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeploymentsController {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LOG_LIMIT = 100;
    private static final int MAX_LOG_LIMIT = 1000;

    private final TriggerDeploymentUseCase triggerDeployment;
    private final ListDeploymentsQuery listDeployments;
    private final GetDeploymentQuery getDeployment;
    private final CancelDeploymentUseCase cancelDeployment;
    private final DeleteDeploymentUseCase deleteDeployment;
    private final ReadDeploymentLogsQuery readLogs;
    private final DeploymentMapper mapper;
    private final PlatformUrls urls;
    private final V1ErrorRenderer errors;

    @SuppressWarnings("checkstyle:ParameterNumber")
    DeploymentsController(TriggerDeploymentUseCase triggerDeployment, ListDeploymentsQuery listDeployments,
                          GetDeploymentQuery getDeployment, CancelDeploymentUseCase cancelDeployment,
                          DeleteDeploymentUseCase deleteDeployment, ReadDeploymentLogsQuery readLogs,
                          DeploymentMapper mapper, PlatformUrls urls, V1ErrorRenderer errors) {
        this.triggerDeployment = triggerDeployment;
        this.listDeployments = listDeployments;
        this.getDeployment = getDeployment;
        this.cancelDeployment = cancelDeployment;
        this.deleteDeployment = deleteDeployment;
        this.readLogs = readLogs;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Post
    HttpResponse<DeploymentCreatedResponse> trigger(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                                    @Nullable @Body byte[] body) {
        JsonBody fields = JsonBody.parse(request, body);
        Deployment deployment = triggerDeployment.trigger(caller, TriggerRequests.forDeploymentsRoute(fields));
        return HttpResponse.created(mapper.toCreated(deployment, urls),
                URI.create(urls.api("/v1/deployments/" + deployment.id().value())));
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeploymentListResponse list(@AuthenticatedCaller Caller caller,
                                @Nullable @QueryValue("limit") String limit,
                                @Nullable @QueryValue("offset") String offset,
                                @Nullable @QueryValue("status") String status,
                                @Nullable @QueryValue("project_id") String projectId) {
        QueryParameters query = new QueryParameters();
        int size = query.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = query.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        Optional<DeploymentStatus> wanted = query.oneOf("status", status, V1DeploymentStatus::fromWord,
                V1DeploymentStatus.words());
        query.throwIfInvalid();
        DeploymentListFilter filter = new DeploymentListFilter(Optional.ofNullable(projectId), Optional.empty(),
                wanted.map(Set::of).orElse(Set.of()), Optional.empty());
        Page<Deployment> deployments = listDeployments.list(caller, filter, PageRequest.offset(skip, size));
        return new DeploymentListResponse(mapper.toListItems(deployments.items()),
                new OffsetMeta(total(deployments), size, skip));
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeploymentResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getDeployment.get(caller, id), urls);
    }

    /** Takes no body, so it accepts whatever content type a client's POST defaults to. */
    @Post(value = "/{id}/cancel", consumes = MediaType.ALL)
    DeploymentCancelledResponse cancel(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toCancelled(cancelDeployment.cancel(caller, id));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@AuthenticatedCaller Caller caller, String id) {
        deleteDeployment.delete(caller, id);
        return HttpResponse.noContent();
    }

    @Get("/{id}/logs")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeploymentLogsResponse logs(@AuthenticatedCaller Caller caller, String id,
                                @Nullable @QueryValue("limit") String limit,
                                @Nullable @QueryValue("offset") String offset) {
        QueryParameters query = new QueryParameters();
        int size = query.integer("limit", limit, DEFAULT_LOG_LIMIT, 1, MAX_LOG_LIMIT);
        int skip = query.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        query.throwIfInvalid();
        DeploymentLog log = readLogs.read(caller, id, LogRange.offset(skip, size));
        return new DeploymentLogsResponse(mapper.toLogLines(log.lines().items()),
                new OffsetMeta(total(log.lines()), size, skip));
    }

    /** Local to this controller: v1's rendering of whatever its routes throw (see V1ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V1ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }

    private static long total(Page<?> page) {
        return page.total().orElseThrow(() -> new IllegalStateException("offset pages are counted"));
    }
}
