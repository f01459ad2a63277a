package dev.dotgit.adapter.rest.v1.deployment;

import dev.dotgit.adapter.rest.v1.error.V1ErrorBody;
import dev.dotgit.adapter.rest.v1.error.V1ErrorRenderer;
import dev.dotgit.adapter.rest.v1.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v1.http.JsonBody;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;

/** Seed 001's way to trigger a deployment: under its project, answering with the API url of the deployment. */
@Controller("/v1/projects/{projectId}/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectDeploymentsController {

    private final TriggerDeploymentUseCase triggerDeployment;
    private final DeploymentMapper mapper;
    private final PlatformUrls urls;
    private final V1ErrorRenderer errors;

    ProjectDeploymentsController(TriggerDeploymentUseCase triggerDeployment, DeploymentMapper mapper,
                                 PlatformUrls urls, V1ErrorRenderer errors) {
        this.triggerDeployment = triggerDeployment;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Post
    HttpResponse<DeploymentStartedResponse> trigger(@AuthenticatedCaller Caller caller, String projectId,
                                                    HttpRequest<?> request, @Nullable @Body byte[] body) {
        JsonBody fields = JsonBody.parse(request, body);
        Deployment deployment = triggerDeployment.trigger(caller, TriggerRequests.forProjectRoute(projectId, fields));
        DeploymentStartedResponse started = mapper.toStarted(deployment, urls);
        return HttpResponse.created(started, URI.create(started.url()));
    }

    /** Local to this controller: v1's rendering of whatever its routes throw (see V1ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V1ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
