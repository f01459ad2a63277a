package dev.dotgit.adapter.rest.v1.project;

import dev.dotgit.adapter.rest.v1.error.V1ErrorBody;
import dev.dotgit.adapter.rest.v1.error.V1ErrorRenderer;
import dev.dotgit.adapter.rest.v1.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v1.http.JsonBody;
import dev.dotgit.adapter.rest.v1.http.QueryParameters;
import dev.dotgit.adapter.rest.v1.http.ReadRoutes;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.application.port.in.project.ListProjectsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.Optional;

/** v1 projects (seed 001): list by page, create, get. */
@Controller("/v1/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectsController {

    private static final int DEFAULT_PER_PAGE = 20;
    private static final int MAX_PER_PAGE = 100;

    private final ListProjectsQuery listProjects;
    private final CreateProjectUseCase createProject;
    private final GetProjectQuery getProject;
    private final ProjectMapper mapper;
    private final PlatformUrls urls;
    private final V1ErrorRenderer errors;

    ProjectsController(ListProjectsQuery listProjects, CreateProjectUseCase createProject, GetProjectQuery getProject,
                       ProjectMapper mapper, PlatformUrls urls, V1ErrorRenderer errors) {
        this.listProjects = listProjects;
        this.createProject = createProject;
        this.getProject = getProject;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    ProjectListResponse list(@AuthenticatedCaller Caller caller,
                             @Nullable @QueryValue("page") String page,
                             @Nullable @QueryValue("per_page") String perPage) {
        QueryParameters query = new QueryParameters();
        int pageNumber = query.integer("page", page, 1, 1, Integer.MAX_VALUE);
        int size = query.integer("per_page", perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        query.throwIfInvalid();
        Page<ProjectOverview> projects = listProjects.list(caller, Optional.empty(),
                PageRequest.offset((long) (pageNumber - 1) * size, size));
        long total = projects.total().orElseThrow(() -> new IllegalStateException("offset pages are counted"));
        List<Project> shown = projects.items().stream().map(ProjectOverview::project).toList();
        return new ProjectListResponse(mapper.toListItems(shown), new ProjectListResponse.Meta(total, pageNumber, size));
    }

    @Post
    HttpResponse<ProjectResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                         @Nullable @Body byte[] body) {
        CreateProjectCommand command = createCommand(JsonBody.parse(request, body));
        ProjectResponse created = mapper.toResponse(createProject.create(caller, command).project());
        return HttpResponse.created(created, URI.create(urls.api("/v1/projects/" + created.id())));
    }

    /** The create body read into its command; every problem with it is an {@code InvalidInput} (fuzzed). */
    static CreateProjectCommand createCommand(JsonBody fields) {
        String name = fields.requiredString("name");
        String framework = fields.optionalString("framework");
        String repoId = fields.optionalString("repo_id");
        String buildCommand = fields.optionalString("build_command");
        String outputDirectory = fields.optionalString("output_directory");
        CreateProjectCommand command = fields.check(
                () -> CreateProjectCommand.of(name, framework, repoId, buildCommand, outputDirectory));
        fields.throwIfInvalid();
        return command;
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    ProjectResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getProject.get(caller, id).project());
    }

    /** Local to this controller: v1's rendering of whatever its routes throw (see V1ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V1ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
