package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as callers see it: everything but the secret, which only
 * {@link CreateWebhookUseCase} returns, once.
 *
 * @param events         wire names, in the order the version documents them
 * @param disabledReason why it no longer receives events, or null while active
 */
public record Webhook(WebhookId id, URI url, List<String> events, WebhookApiVersion apiVersion,
                      SubscriptionStatus status, String disabledReason, Instant createdAt) {

    public Webhook {
        events = List.copyOf(events);
    }

    public static Webhook of(WebhookSubscription subscription) {
        return new Webhook(subscription.id(), subscription.url(),
                subscription.apiVersion().offeredEvents().stream().filter(subscription.events()::contains)
                        .map(WebhookEventType::wireName).toList(),
                subscription.apiVersion(), subscription.status(), subscription.disabledReason(),
                subscription.createdAt());
    }

    public boolean active() {
        return status == SubscriptionStatus.ACTIVE;
    }
}
