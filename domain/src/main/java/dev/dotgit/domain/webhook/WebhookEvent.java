package dev.dotgit.domain.webhook;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, of one type, for one account: stored in the transaction of the
 * change that caused it and delivered, under this id, to every subscription that wants it.
 *
 * <p>An event is about a deployment or about a push, never both: exactly one of
 * {@code deployment} and {@code push} is set, the one its type is about
 * ({@link WebhookEventType#isPushEvent()}).
 *
 * @param sequence increasing per deployment (every event type of one state change shares it) or,
 *                 for push events, per repository, so receivers can order what arrives out of order
 */
public record WebhookEvent(WebhookEventId id, WebhookEventType type, AccountSlug account, long sequence,
                           Instant occurredAt, DeploymentSnapshot deployment, PushSnapshot push) {

    /** A deployment event. */
    public WebhookEvent(WebhookEventId id, WebhookEventType type, AccountSlug account, long sequence,
                        Instant occurredAt, DeploymentSnapshot deployment) {
        this(id, type, account, sequence, occurredAt, Objects.requireNonNull(deployment, "deployment"), null);
    }

    /** A push event. */
    public WebhookEvent(WebhookEventId id, WebhookEventType type, AccountSlug account, long sequence,
                        Instant occurredAt, PushSnapshot push) {
        this(id, type, account, sequence, occurredAt, null, Objects.requireNonNull(push, "push"));
    }

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type.isPushEvent() ? push == null || deployment != null : deployment == null || push != null) {
            throw new IllegalArgumentException(type.wireName() + " is about "
                    + (type.isPushEvent() ? "a push" : "a deployment") + ", and only that");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }
}
