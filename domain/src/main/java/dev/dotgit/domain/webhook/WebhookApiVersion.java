package dev.dotgit.domain.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API version a subscription was created through. It decides which event types the
 * subscription may ask for and which envelope and signature scheme its deliveries use.
 */
public enum WebhookApiVersion {
    V2,
    V3;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookApiVersion> fromWire(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(name)).findFirst();
    }

    /** The event types this version offers, in the order its documentation lists them. */
    public List<WebhookEventType> offeredEvents() {
        return Arrays.stream(WebhookEventType.values()).filter(type -> type.version() == this).toList();
    }
}
