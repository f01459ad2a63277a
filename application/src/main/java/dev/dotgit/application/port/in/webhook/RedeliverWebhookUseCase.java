package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.webhook.WebhookDelivery;

/**
 * Sends a delivery's event again: a new, pending delivery of the same event (same event id, so
 * receivers deduplicate it) with a new series of attempts, scheduled at once. Needs deploy:admin.
 * An unknown or foreign subscription is {@code NotFound("webhook", id)}; a delivery that is not the
 * subscription's is {@code NotFound("webhook_delivery", id)}.
 */
public interface RedeliverWebhookUseCase {

    WebhookDelivery redeliver(Caller caller, String webhookId, String deliveryId);
}
