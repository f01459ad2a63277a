package dev.dotgit.domain.webhook;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

/** An event's id: the same on every delivery attempt and redelivery, so receivers can deduplicate by it. */
public record WebhookEventId(String value) {

    public static final String PREFIX = "evt";

    public WebhookEventId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static WebhookEventId generate() {
        return new WebhookEventId(Ids.newId(PREFIX));
    }

    public static Optional<WebhookEventId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new WebhookEventId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
