package dev.dotgit.application.port.out.webhook;

import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to make.
 *
 * @param connectTo the address the target's host resolved to and that passed the address check:
 *                  the sender must connect to this address, not resolve the host again (DNS rebinding)
 * @param sentAt    the attempt's time, for the timestamps of the envelope and signature
 */
public record OutgoingWebhook(WebhookSubscription subscription, WebhookEvent event, InetAddress connectTo,
                              Instant sentAt) {

    public OutgoingWebhook {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(connectTo, "connectTo");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
