package dev.dotgit.adapter.rest.v2.repository;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v2.http.Cursors;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.ListPreviewsQuery;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /v2/repositories/{id}/previews} (v2.4.0): the newest preview deployment of each
 * branch of a repository, newest first, in cursor pages. A cursor belongs to one repository's
 * list; used on another it is {@code invalid_cursor}.
 */
@Controller("/v2/repositories/{id}/previews")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RepositoryPreviewsController {

    private final ListPreviewsQuery listPreviews;
    private final PreviewMapper mapper;
    private final PlatformUrls urls;
    private final V2ErrorRenderer errors;

    RepositoryPreviewsController(ListPreviewsQuery listPreviews, PreviewMapper mapper, PlatformUrls urls,
                                 V2ErrorRenderer errors) {
        this.listPreviews = listPreviews;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    PreviewListResponse list(@AuthenticatedCaller Caller caller, String id,
                             @Nullable @QueryValue("cursor") String cursor,
                             @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        int size = query.limit(limit);
        query.throwIfInvalid();
        String list = "previews:" + id;
        PageRequest page = Cursors.pageRequest(list, cursor, size);
        Page<Deployment> previews = listPreviews.list(caller, id, page);
        return new PreviewListResponse(mapper.toItems(previews.items(), urls),
                Cursors.pagination(list, previews, d -> new ListPosition(d.createdAt(), d.id().value())));
    }

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
