package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import dev.dotgit.adapter.rest.v3.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v3.http.Cursors;
import dev.dotgit.adapter.rest.v3.http.JsonBody;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import dev.dotgit.adapter.rest.v3.http.QueryParameters;
import dev.dotgit.adapter.rest.v3.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A project's deployments in v3 (seed 000): trigger one, list them by cursor. */
@Controller("/v3/projects/{projectId}/deployments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectDeploymentsController {

    static final List<String> TRIGGER_FIELDS = List.of("branch", "environment", "commit_sha", "auto_rollback",
            "env_vars");
    private static final String ENV_VARS = "env_vars";

    private final TriggerDeploymentUseCase triggerDeployment;
    private final ListDeploymentsQuery listDeployments;
    private final GetProjectQuery getProject;
    private final DeploymentMapper mapper;
    private final PlatformUrls urls;
    private final V3ErrorRenderer errors;

    ProjectDeploymentsController(TriggerDeploymentUseCase triggerDeployment, ListDeploymentsQuery listDeployments,
                                 GetProjectQuery getProject, DeploymentMapper mapper, PlatformUrls urls,
                                 V3ErrorRenderer errors) {
        this.triggerDeployment = triggerDeployment;
        this.listDeployments = listDeployments;
        this.getProject = getProject;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /**
     * {@code branch} (default {@code main}), {@code environment} (default {@code production}),
     * {@code commit_sha}, {@code auto_rollback} (default false), {@code env_vars}. Deployments
     * are instant: v3 has no strategy field. Accepts any content type: the body reader answers
     * 415 itself, and only for a body that is there.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<DeploymentResponse> trigger(@AuthenticatedCaller Caller caller, String projectId,
                                             HttpRequest<?> request, @Nullable @Body byte[] body) {
        JsonBody fields = JsonBody.parse(request, body, TRIGGER_FIELDS);
        String branch = fields.optionalString("branch");
        String environment = fields.optionalString("environment");
        String commit = fields.optionalString("commit_sha");
        Boolean autoRollback = fields.optionalBoolean("auto_rollback");
        Map<String, String> envVars = fields.optionalStringMap(ENV_VARS);

        BranchName parsedBranch = fields.check(() -> BranchName.parse("branch", branch == null ? "main" : branch));
        String environmentWord = environment == null ? Environment.PRODUCTION.wireName() : environment;
        Environment parsedEnvironment = fields.check(() -> Environment.fromWire(environmentWord)
                .orElseThrow(() -> InvalidInput.notAllowed("environment", environmentWord, Environment.wireNames())));
        CommitSha parsedCommit = commit == null ? null : fields.check(() -> CommitSha.parse("commit_sha", commit));
        EnvVars parsedEnvVars = fields.check(() -> EnvVars.parse(ENV_VARS, envVars));
        fields.throwIfInvalid();

        Deployment deployment = triggerDeployment.trigger(caller, new TriggerDeploymentCommand(
                ProjectReference.byId(projectId), parsedBranch, Optional.ofNullable(parsedCommit), parsedEnvironment,
                Strategy.INSTANT, Boolean.TRUE.equals(autoRollback), parsedEnvVars));
        return HttpResponse.created(mapper.toResponse(deployment, urls),
                URI.create(urls.api("/v3/deployments/" + deployment.id().value())));
    }

    /** Newest first; {@code status} in v3's words ({@code running} = building or deploying), {@code environment}. */
    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<DeploymentListResponse> list(@AuthenticatedCaller Caller caller, String projectId,
                                              @Nullable @QueryValue("status") String status,
                                              @Nullable @QueryValue("environment") String environment,
                                              @Nullable @QueryValue("limit") String limit,
                                              @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        Optional<Set<DeploymentStatus>> statuses = query.oneOf("status", status, V3DeploymentStatus::fromWord,
                V3DeploymentStatus.words());
        Optional<Environment> wantedEnvironment = query.oneOf("environment", environment, Environment::fromWire,
                Environment.wireNames());
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(Cursors.Kind.DEPLOYMENTS, cursor, size);
        // An unknown (or invisible) project is a 404 here, not an empty list.
        String project = getProject.get(caller, projectId).project().id().value();
        DeploymentListFilter filter = new DeploymentListFilter(Optional.of(project), Optional.empty(),
                statuses.orElse(Set.of()), wantedEnvironment);
        Page<Deployment> deployments = listDeployments.list(caller, filter, page);
        List<Deployment> items = deployments.items();
        Pagination pagination = Cursors.pagination(Cursors.Kind.DEPLOYMENTS, deployments,
                ProjectDeploymentsController::positionOf);
        return pagination.ok(new DeploymentListResponse(mapper.toResponses(items, urls), pagination));
    }

    private static ListPosition positionOf(Deployment deployment) {
        return new ListPosition(deployment.createdAt(), deployment.id().value());
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
