package dev.dotgit.adapter.rest.v2.webhook;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v2.http.Cursors;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * A v2 subscription's deliveries: the list (newest first, by cursor, optionally in one status,
 * each with its attempts) and redelivery, which sends the same event (same event id) again as a
 * new delivery, attempted at once. Both need deploy:admin.
 */
@Controller("/v2/webhooks/{id}/deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookDeliveriesController {

    private final ListWebhookDeliveriesQuery listDeliveries;
    private final RedeliverWebhookUseCase redeliver;
    private final WebhookMapper mapper;
    private final V2ErrorRenderer errors;

    WebhookDeliveriesController(ListWebhookDeliveriesQuery listDeliveries, RedeliverWebhookUseCase redeliver,
                                WebhookMapper mapper, V2ErrorRenderer errors) {
        this.listDeliveries = listDeliveries;
        this.redeliver = redeliver;
        this.mapper = mapper;
        this.errors = errors;
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    DeliveryListResponse list(@AuthenticatedCaller Caller caller, @PathVariable("id") String id,
                              @Nullable @QueryValue("status") String status,
                              @Nullable @QueryValue("cursor") String cursor,
                              @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        Optional<DeliveryStatus> wanted = query.oneOf("status", status, V2DeliveryStatus::fromWord,
                V2DeliveryStatus.words());
        int size = query.limit(limit);
        query.throwIfInvalid();
        // A cursor belongs to one subscription's list (whatever the status filter: positions are shared).
        String list = "webhook-deliveries:" + id;
        PageRequest page = Cursors.pageRequest(list, cursor, size);
        Page<WebhookDelivery> deliveries = listDeliveries.list(caller, id, wanted, page);
        return new DeliveryListResponse(mapper.toDeliveryResponses(deliveries.items()),
                Cursors.pagination(list, deliveries, d -> new ListPosition(d.createdAt(), d.id().value())));
    }

    /**
     * 202: the new delivery is accepted and pending; its attempts show in the list. Takes no body,
     * so it accepts whatever content type a client's POST defaults to.
     */
    @Post(value = "/{delivery_id}/redeliver", consumes = MediaType.ALL)
    HttpResponse<DeliveryResponse> redeliver(@AuthenticatedCaller Caller caller, @PathVariable("id") String id,
                                             @PathVariable("delivery_id") String deliveryId) {
        return HttpResponse.accepted().body(mapper.toResponse(redeliver.redeliver(caller, id, deliveryId)));
    }

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
