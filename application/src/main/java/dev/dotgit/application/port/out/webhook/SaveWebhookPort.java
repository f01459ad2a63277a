package dev.dotgit.application.port.out.webhook;

import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;

public interface SaveWebhookPort {

    WebhookSubscription insert(WebhookSubscription subscription);

    /**
     * Disables the subscription with {@code reason}, if it is active.
     *
     * @return whether this call disabled it
     */
    boolean disable(WebhookId id, String reason);

    /**
     * Removes the subscription with its deliveries and their attempts (events stay: other
     * subscriptions may be delivering them).
     *
     * @return whether it existed
     */
    boolean delete(WebhookId id);
}
