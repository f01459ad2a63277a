package dev.dotgit.domain.webhook;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

/** A webhook subscription's id. */
public record WebhookId(String value) {

    public static final String PREFIX = "wh";

    public WebhookId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static WebhookId generate() {
        return new WebhookId(Ids.newId(PREFIX));
    }

    public static Optional<WebhookId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new WebhookId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
