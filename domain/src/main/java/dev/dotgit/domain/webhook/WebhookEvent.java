package dev.dotgit.domain.webhook;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, of one type, for one account: stored in the transaction of the
 * change that caused it and delivered, under this id, to every subscription that wants it.
 *
 * @param sequence increasing per deployment (every event type of one state change shares it), so
 *                 receivers can order what arrives out of order
 */
public record WebhookEvent(WebhookEventId id, WebhookEventType type, AccountSlug account, long sequence,
                           Instant occurredAt, DeploymentSnapshot deployment) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(deployment, "deployment");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }
}
