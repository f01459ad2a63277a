package dev.dotgit.adapter.rest.v2.webhook;

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
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.webhook.WebhookApiVersion;
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
import java.util.List;

/**
 * v2 webhook subscriptions (CONTRACT §4, §6): create (the secret is shown in that reply only),
 * list by cursor, get, delete. Subscriptions made through v2 offer v2's events and get v2's
 * envelopes (002's, and 003's for {@code deployment.completed}); the list and get show every
 * subscription of the account, whichever version made it, with its {@code api_version}. Every
 * route needs deploy:admin.
 */
@Controller("/v2/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhooksController {

    static final String LIST = "webhooks";

    private final CreateWebhookUseCase createWebhook;
    private final ListWebhooksQuery listWebhooks;
    private final GetWebhookQuery getWebhook;
    private final DeleteWebhookUseCase deleteWebhook;
    private final WebhookMapper mapper;
    private final PlatformUrls urls;
    private final V2ErrorRenderer errors;

    WebhooksController(CreateWebhookUseCase createWebhook, ListWebhooksQuery listWebhooks,
                       GetWebhookQuery getWebhook, DeleteWebhookUseCase deleteWebhook, WebhookMapper mapper,
                       PlatformUrls urls, V2ErrorRenderer errors) {
        this.createWebhook = createWebhook;
        this.listWebhooks = listWebhooks;
        this.getWebhook = getWebhook;
        this.deleteWebhook = deleteWebhook;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /**
     * {@code {url*, events*}}. The body's JSON types are checked here; the URL (its form, and where
     * its host resolves) and the event names are the use case's rules. Any content type reaches the
     * route, so that the key is checked first; the body reader answers 415 itself.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<CreatedWebhookResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                                @Nullable @Body byte[] body) {
        CreatedWebhook created = createWebhook.create(caller, createCommand(JsonBody.parse(request, body)));
        WebhookResponse webhook = mapper.toResponse(created.webhook());
        return HttpResponse.created(CreatedWebhookResponse.of(webhook, created.secret()),
                URI.create(urls.api("/v2/webhooks/" + webhook.id())));
    }

    /** The create body read into its command: JSON types only, the rest is the use case's (fuzzed). */
    static CreateWebhookCommand createCommand(JsonBody fields) {
        String url = fields.requiredString("url");
        List<String> events = fields.requiredStringList("events");
        fields.throwIfInvalid();
        return new CreateWebhookCommand(WebhookApiVersion.V2, url, events);
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    WebhookListResponse list(@AuthenticatedCaller Caller caller,
                             @Nullable @QueryValue("cursor") String cursor,
                             @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        int size = query.limit(limit);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(LIST, cursor, size);
        Page<Webhook> webhooks = listWebhooks.list(caller, page);
        return new WebhookListResponse(mapper.toResponses(webhooks.items()),
                Cursors.pagination(LIST, webhooks, w -> new ListPosition(w.createdAt(), w.id().value())));
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    WebhookResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getWebhook.get(caller, id));
    }

    /** Removes the subscription with its delivery history; attempts still pending stop. */
    @Delete(value = "/{id}", consumes = MediaType.ALL)
    HttpResponse<Void> delete(@AuthenticatedCaller Caller caller, String id) {
        deleteWebhook.delete(caller, id);
        return HttpResponse.noContent();
    }

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
