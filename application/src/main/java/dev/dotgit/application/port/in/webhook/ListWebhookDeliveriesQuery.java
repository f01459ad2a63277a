package dev.dotgit.application.port.in.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import java.util.Optional;

/**
 * A subscription's deliveries with every attempt, newest first, optionally only those in one
 * status; needs deploy:admin. An unknown or foreign subscription is {@code NotFound("webhook", id)}.
 */
public interface ListWebhookDeliveriesQuery {

    Page<WebhookDelivery> list(Caller caller, String webhookId, Optional<DeliveryStatus> status, PageRequest page);
}
