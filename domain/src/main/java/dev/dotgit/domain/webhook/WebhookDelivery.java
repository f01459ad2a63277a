package dev.dotgit.domain.webhook;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One series of attempts to deliver an event to a subscription. A redelivery is a new delivery
 * of the same event (same event id, so receivers deduplicate it) with its own attempts.
 *
 * @param redeliveryOf the delivery this one repeats, or null
 * @param attempts     oldest first
 */
public record WebhookDelivery(WebhookDeliveryId id, AccountSlug account, WebhookId subscription,
                              WebhookEventId event, WebhookEventType eventType, DeliveryStatus status,
                              WebhookDeliveryId redeliveryOf, Instant createdAt, List<DeliveryAttempt> attempts) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static WebhookDelivery pending(WebhookSubscription subscription, WebhookEvent event, Instant now) {
        return new WebhookDelivery(WebhookDeliveryId.generate(), subscription.account(), subscription.id(), event.id(),
                event.type(), DeliveryStatus.PENDING, null, now, List.of());
    }

    /** A new series of attempts of the same event to the same subscription. */
    public WebhookDelivery redeliver(Instant now) {
        return new WebhookDelivery(WebhookDeliveryId.generate(), account, subscription, event, eventType,
                DeliveryStatus.PENDING, id, now, List.of());
    }

    public int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    /** When the first attempt was made: the start of the retry window. */
    public Instant firstAttemptAt() {
        return attempts.isEmpty() ? null : attempts.get(0).at();
    }
}
