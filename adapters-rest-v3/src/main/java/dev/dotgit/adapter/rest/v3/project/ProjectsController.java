package dev.dotgit.adapter.rest.v3.project;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import dev.dotgit.adapter.rest.v3.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v3.http.Cursors;
import dev.dotgit.adapter.rest.v3.http.JsonBody;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import dev.dotgit.adapter.rest.v3.http.QueryParameters;
import dev.dotgit.adapter.rest.v3.http.ReadRoutes;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.project.ArchiveProjectUseCase;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.application.port.in.project.ListProjectsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
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
import java.util.Optional;

/** v3 projects (seed 000): list by cursor, create, get, archive. */
@Controller("/v3/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectsController {

    static final List<String> CREATE_FIELDS = List.of("name", "framework", "repo_id", "build_command",
            "output_directory");

    private final ListProjectsQuery listProjects;
    private final CreateProjectUseCase createProject;
    private final GetProjectQuery getProject;
    private final ArchiveProjectUseCase archiveProject;
    private final ProjectMapper mapper;
    private final PlatformUrls urls;
    private final V3ErrorRenderer errors;

    ProjectsController(ListProjectsQuery listProjects, CreateProjectUseCase createProject, GetProjectQuery getProject,
                       ArchiveProjectUseCase archiveProject, ProjectMapper mapper, PlatformUrls urls, V3ErrorRenderer errors) {
        this.listProjects = listProjects;
        this.createProject = createProject;
        this.getProject = getProject;
        this.archiveProject = archiveProject;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<ProjectListResponse> list(@AuthenticatedCaller Caller caller,
                                           @Nullable @QueryValue("status") String status,
                                           @Nullable @QueryValue("limit") String limit,
                                           @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        Optional<ReportedProjectStatus> wanted = query.oneOf("status", status, ReportedProjectStatus::fromWire,
                ReportedProjectStatus.wireNames());
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(Cursors.Kind.PROJECTS, cursor, size);
        Page<ProjectOverview> projects = listProjects.list(caller, wanted, page);
        List<ProjectOverview> items = projects.items();
        Pagination pagination = Cursors.pagination(Cursors.Kind.PROJECTS, projects, item -> positionOf(item.project()));
        return pagination.ok(new ProjectListResponse(mapper.toListItems(items), pagination));
    }

    /** Accepts any content type: the body reader answers 415 itself, and only for a body that is there. */
    @Post(consumes = MediaType.ALL)
    HttpResponse<ProjectResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                         @Nullable @Body byte[] body) {
        CreateProjectCommand command = createCommand(JsonBody.parse(request, body, CREATE_FIELDS));
        ProjectResponse created = mapper.toResponse(createProject.create(caller, command));
        return HttpResponse.created(created, URI.create(urls.api("/v3/projects/" + created.id())));
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
        return mapper.toResponse(getProject.get(caller, id));
    }

    /**
     * Archives the project (deploy:admin): it keeps its deployments and sites and refuses new
     * deployments (409 {@code project_archived}). Archiving twice answers the archived project.
     * Takes no body, so any content type a client's POST defaults to is fine.
     */
    @Post(value = "/{id}/archive", consumes = MediaType.ALL)
    ProjectResponse archive(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(archiveProject.archive(caller, id));
    }

    static ListPosition positionOf(Project project) {
        return new ListPosition(project.createdAt(), project.id().value());
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
