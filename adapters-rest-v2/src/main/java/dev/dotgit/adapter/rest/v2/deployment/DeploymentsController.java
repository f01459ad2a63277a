package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v2.http.Cursors;
import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.paging.ListPosition;
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
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * v2 deployments (seeds 002/003): trigger (both body shapes), list by cursor, get, cancel. The
 * live log of a deployment is a WebSocket at {@code /v2/deployments/{id}/logs} ({@link DeploymentLogSocket}).
 */
@Controller("/v2/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeploymentsController {

    static final String LIST = "deployments";

    private final TriggerDeploymentUseCase triggerDeployment;
    private final ListDeploymentsQuery listDeployments;
    private final GetDeploymentQuery getDeployment;
    private final CancelDeploymentUseCase cancelDeployment;
    private final DeploymentMapper mapper;
    private final PlatformUrls urls;
    private final V2ErrorRenderer errors;

    DeploymentsController(TriggerDeploymentUseCase triggerDeployment, ListDeploymentsQuery listDeployments,
                          GetDeploymentQuery getDeployment, CancelDeploymentUseCase cancelDeployment,
                          DeploymentMapper mapper, PlatformUrls urls, V2ErrorRenderer errors) {
        this.triggerDeployment = triggerDeployment;
        this.listDeployments = listDeployments;
        this.getDeployment = getDeployment;
        this.cancelDeployment = cancelDeployment;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /** Any content type reaches the route, so that the key is checked first; the body reader answers 415 itself. */
    @Post(consumes = MediaType.ALL)
    HttpResponse<DeploymentCreatedResponse> trigger(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                                    @Nullable @Body byte[] body) {
        JsonBody fields = JsonBody.parse(request, body);
        Deployment deployment = triggerDeployment.trigger(caller, TriggerRequest.read(fields));
        return HttpResponse.created(mapper.toCreated(deployment, urls),
                URI.create(urls.api("/v2/deployments/" + deployment.id().value())));
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeploymentListResponse list(@AuthenticatedCaller Caller caller,
                                @Nullable @QueryValue("repo_id") String repoId,
                                @Nullable @QueryValue("status") String status,
                                @Nullable @QueryValue("cursor") String cursor,
                                @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        Set<DeploymentStatus> statuses = query.someOf("status", status, V2DeploymentStatus::fromWord,
                V2DeploymentStatus.words());
        int size = query.limit(limit);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(LIST, cursor, size);
        DeploymentListFilter filter = new DeploymentListFilter(Optional.empty(), Optional.ofNullable(repoId),
                statuses, Optional.empty());
        Page<Deployment> deployments = listDeployments.list(caller, filter, page);
        return new DeploymentListResponse(mapper.toResponses(deployments.items(), urls),
                Cursors.pagination(LIST, deployments, d -> new ListPosition(d.createdAt(), d.id().value())));
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

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
