package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.webhook.WebhookDeliveryId;

/**
 * Makes the next attempt of a pending delivery and records it; run by the durable delivery job,
 * at least once per scheduled attempt. A delivery that is no longer pending (or no longer exists)
 * is left alone.
 */
public interface DeliverWebhookUseCase {

    DeliveryOutcome deliver(WebhookDeliveryId delivery);
}
