package dev.dotgit.domain.webhook;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

/** One delivery (one series of attempts) of an event to a subscription. */
public record WebhookDeliveryId(String value) {

    public static final String PREFIX = "whd";

    public WebhookDeliveryId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static WebhookDeliveryId generate() {
        return new WebhookDeliveryId(Ids.newId(PREFIX));
    }

    public static Optional<WebhookDeliveryId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new WebhookDeliveryId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
