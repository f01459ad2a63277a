package dev.dotgit.application.port.out.webhook;

import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookId;

public interface SaveWebhookDeliveryPort {

    /** A new pending delivery (a redelivery); its event must exist. */
    WebhookDelivery insert(WebhookDelivery delivery);

    /**
     * Appends {@code attempt} (null: none, the delivery is settled without one) and moves the
     * delivery to {@code status}, if it is still pending. Two runs of one delivery job racing
     * (a node taken for dead) therefore record the outcome once.
     *
     * @return whether the delivery was pending and is now updated
     */
    boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status);

    /** Marks every pending delivery of the subscription failed; returns how many. */
    int failPending(WebhookId subscription);
}
