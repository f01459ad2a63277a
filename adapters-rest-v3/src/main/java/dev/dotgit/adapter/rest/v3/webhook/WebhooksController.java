package dev.dotgit.adapter.rest.v3.webhook;

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
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.Optional;

/**
 * {@code /v3/webhooks} (CONTRACT §5, §6): subscribe the account to v3 events (the secret is
 * shown once, here), list, get and delete subscriptions, page through a subscription's
 * deliveries and send one again. Everything needs deploy:admin; which URLs may be targets
 * (the SSRF guard) and which events v3 offers are the use case's decisions, reported on the
 * fields {@code url} and {@code events}.
 */
@Controller("/v3/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhooksController {

    static final List<String> CREATE_FIELDS = List.of("url", "events");

    private final CreateWebhookUseCase createWebhook;
    private final ListWebhooksQuery listWebhooks;
    private final GetWebhookQuery getWebhook;
    private final DeleteWebhookUseCase deleteWebhook;
    private final ListWebhookDeliveriesQuery listDeliveries;
    private final RedeliverWebhookUseCase redeliver;
    private final WebhookMapper mapper;
    private final PlatformUrls urls;
    private final V3ErrorRenderer errors;

    WebhooksController(CreateWebhookUseCase createWebhook, ListWebhooksQuery listWebhooks, GetWebhookQuery getWebhook,
                       DeleteWebhookUseCase deleteWebhook, ListWebhookDeliveriesQuery listDeliveries,
                       RedeliverWebhookUseCase redeliver, WebhookMapper mapper, PlatformUrls urls,
                       V3ErrorRenderer errors) {
        this.createWebhook = createWebhook;
        this.listWebhooks = listWebhooks;
        this.getWebhook = getWebhook;
        this.deleteWebhook = deleteWebhook;
        this.listDeliveries = listDeliveries;
        this.redeliver = redeliver;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /**
     * {@code url}* (absolute http(s), not an internal address unless its host is allowed),
     * {@code events}* (one or more of v3's: {@code deployment.created}, {@code deployment.succeeded},
     * {@code deployment.failed}, {@code deployment.cancelled}, {@code repository.pushed}).
     * Accepts any content type: the body reader answers 415 itself, and only for a body that is there.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<CreatedWebhookResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                                @Nullable @Body byte[] body) {
        CreatedWebhook created = createWebhook.create(caller,
                createCommand(JsonBody.parse(request, body, CREATE_FIELDS)));
        CreatedWebhookResponse response = mapper.toCreated(created);
        return HttpResponse.created(response, URI.create(urls.api("/v3/webhooks/" + response.id())));
    }

    /** The create body read into its command: JSON types only, the rest is the use case's (fuzzed). */
    static CreateWebhookCommand createCommand(JsonBody fields) {
        String url = fields.requiredString("url");
        List<String> events = fields.optionalStringList("events");
        if (events == null) {
            fields.check(() -> {
                throw InvalidInput.missing("events");
            });
        }
        fields.throwIfInvalid();
        return new CreateWebhookCommand(WebhookApiVersion.V3, url, events);
    }

    /** The account's subscriptions, newest first, whichever version created them ({@code api_version} says). */
    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<WebhookListResponse> list(@AuthenticatedCaller Caller caller,
                                           @Nullable @QueryValue("limit") String limit,
                                           @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(Cursors.Kind.WEBHOOKS, cursor, size);
        Page<Webhook> webhooks = listWebhooks.list(caller, page);
        List<Webhook> items = webhooks.items();
        Pagination pagination = Cursors.pagination(Cursors.Kind.WEBHOOKS, webhooks, WebhooksController::positionOf);
        return pagination.ok(new WebhookListResponse(mapper.toResponses(items), pagination));
    }

    @Get("/{id}")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    WebhookResponse get(@AuthenticatedCaller Caller caller, String id) {
        return mapper.toResponse(getWebhook.get(caller, id));
    }

    /** Removes the subscription with its delivery history; pending attempts stop. */
    @Delete("/{id}")
    HttpResponse<Void> delete(@AuthenticatedCaller Caller caller, String id) {
        deleteWebhook.delete(caller, id);
        return HttpResponse.noContent();
    }

    /** Newest first, each with every attempt; {@code status} = {@code pending}, {@code succeeded} or {@code failed}. */
    @Get("/{id}/deliveries")
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<DeliveryListResponse> deliveries(@AuthenticatedCaller Caller caller, String id,
                                                  @Nullable @QueryValue("status") String status,
                                                  @Nullable @QueryValue("limit") String limit,
                                                  @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        Optional<DeliveryStatus> wanted = query.oneOf("status", status, V3DeliveryStatus::fromWord,
                V3DeliveryStatus.words());
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(Cursors.Kind.WEBHOOK_DELIVERIES, cursor, size);
        Page<WebhookDelivery> deliveries = listDeliveries.list(caller, id, wanted, page);
        List<WebhookDelivery> items = deliveries.items();
        Pagination pagination = Cursors.pagination(Cursors.Kind.WEBHOOK_DELIVERIES, deliveries,
                WebhooksController::positionOf);
        return pagination.ok(new DeliveryListResponse(mapper.toDeliveries(items), pagination));
    }

    /**
     * Sends the delivery's event again as a new delivery (same {@code event_id}, so receivers
     * deduplicate it; {@code redelivery_of} names the original), scheduled at once: 202, since
     * it is still {@code pending} when this answers. Takes no body, so any content type is fine.
     */
    @Post(value = "/{id}/deliveries/{deliveryId}/redeliver", consumes = MediaType.ALL)
    HttpResponse<DeliveryResponse> redeliver(@AuthenticatedCaller Caller caller, String id, String deliveryId) {
        WebhookDelivery again = redeliver.redeliver(caller, id, deliveryId);
        return HttpResponse.<DeliveryResponse>status(HttpStatus.ACCEPTED).body(mapper.toDelivery(again));
    }

    private static ListPosition positionOf(Webhook webhook) {
        return new ListPosition(webhook.createdAt(), webhook.id().value());
    }

    private static ListPosition positionOf(WebhookDelivery delivery) {
        return new ListPosition(delivery.createdAt(), delivery.id().value());
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
