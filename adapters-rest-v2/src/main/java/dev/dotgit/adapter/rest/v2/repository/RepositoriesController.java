package dev.dotgit.adapter.rest.v2.repository;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v2.http.Cursors;
import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.repository.CreateRepositoryCommand;
import dev.dotgit.application.port.in.repository.CreateRepositoryUseCase;
import dev.dotgit.application.port.in.repository.GetRepositoryQuery;
import dev.dotgit.application.port.in.repository.ListRepositoriesQuery;
import dev.dotgit.application.port.in.repository.RepositoryVisibility;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.repository.Repository;
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

/** v2 repositories (seed 002): list by cursor, create, get. */
@Controller("/v2/repositories")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RepositoriesController {

    static final String LIST = "repositories";

    private final ListRepositoriesQuery listRepositories;
    private final CreateRepositoryUseCase createRepository;
    private final GetRepositoryQuery getRepository;
    private final RepositoryMapper mapper;
    private final PlatformUrls urls;
    private final V2ErrorRenderer errors;

    RepositoriesController(ListRepositoriesQuery listRepositories, CreateRepositoryUseCase createRepository,
                           GetRepositoryQuery getRepository, RepositoryMapper mapper, PlatformUrls urls,
                           V2ErrorRenderer errors) {
        this.listRepositories = listRepositories;
        this.createRepository = createRepository;
        this.getRepository = getRepository;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    RepositoryListResponse list(@AuthenticatedCaller Caller caller,
                                @Nullable @QueryValue("owner") String owner,
                                @Nullable @QueryValue("visibility") String visibility,
                                @Nullable @QueryValue("cursor") String cursor,
                                @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        RepositoryVisibility wanted = query.oneOf("visibility", visibility, RepositoryVisibility::fromWire,
                RepositoryVisibility.wireNames()).orElse(RepositoryVisibility.ALL);
        int size = query.limit(limit);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(LIST, cursor, size);
        Page<Repository> repositories = listRepositories.list(caller, Optional.ofNullable(owner), wanted, page);
        return new RepositoryListResponse(mapper.toListItems(repositories.items()),
                Cursors.pagination(LIST, repositories, r -> new ListPosition(r.createdAt(), r.id().value())));
    }

    /** Any content type reaches the route, so that the key is checked first; the body reader answers 415 itself. */
    @Post(consumes = MediaType.ALL)
    HttpResponse<RepositoryResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                            @Nullable @Body byte[] body) {
        CreateRepositoryCommand command = createCommand(JsonBody.parse(request, body));
        RepositoryResponse created = mapper.toResponse(createRepository.create(caller, command), urls);
        return HttpResponse.created(created, URI.create(urls.api("/v2/repositories/" + created.id())));
    }

    /** The create body read into its command; every problem with it is a domain error (fuzzed). */
    static CreateRepositoryCommand createCommand(JsonBody fields) {
        String name = fields.requiredString("name");
        String owner = fields.requiredString("owner");
        Boolean isPrivate = fields.optionalBoolean("private");
        String description = fields.optionalString("description");
        fields.throwIfInvalid();
        return CreateRepositoryCommand.of(owner, name, isPrivate, description);
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    RepositoryResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getRepository.get(caller, id), urls);
    }

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
