package dev.dotgit.application.port.in.webhook;

import java.time.Instant;
import java.util.Optional;

/** What the delivery job does next: nothing (the delivery is settled) or another attempt at {@code retryAt}. */
public record DeliveryOutcome(Optional<Instant> retryAt) {

    public static final DeliveryOutcome DONE = new DeliveryOutcome(Optional.empty());

    public static DeliveryOutcome retryAt(Instant at) {
        return new DeliveryOutcome(Optional.of(at));
    }
}
