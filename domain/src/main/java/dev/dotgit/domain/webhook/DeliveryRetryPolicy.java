package dev.dotgit.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. The n-th retry waits a random time between
 * {@code initialDelay} and {@code min(maxDelay, initialDelay × 2^(n−1))} ("full jitter" above a
 * floor of the initial delay, so the first retry comes exactly after {@code initialDelay} and
 * receivers that failed together are not hit together again); a {@code Retry-After} asking for
 * longer is honoured. No attempt is made later than {@code retryFor} after the first one.
 */
public record DeliveryRetryPolicy(Duration initialDelay, Duration maxDelay, Duration retryFor) {

    public DeliveryRetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(retryFor, "retryFor");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0
                || retryFor.isNegative()) {
            throw new IllegalArgumentException("delays must be positive and maxDelay at least initialDelay");
        }
    }

    /**
     * @param firstAttemptAt when the delivery's first attempt was made
     * @param failedAttempts how many attempts of this delivery have failed so far (at least 1)
     * @param retryAfter     what the target asked for in {@code Retry-After}, if anything
     * @param random         uniform in [0, 1)
     * @return when to try again, or empty to give up
     */
    public Optional<Instant> nextAttempt(Instant firstAttemptAt, int failedAttempts, Instant now,
                                         Optional<Duration> retryAfter, DoubleSupplier random) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 40));
        double ceilingMillis = Math.min((double) maxDelay.toMillis(), initialDelay.toMillis() * Math.pow(2, exponent));
        double spread = Math.max(0, ceilingMillis - initialDelay.toMillis());
        Duration wait = initialDelay.plusMillis((long) (random.getAsDouble() * spread));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        Instant next = now.plus(wait);
        if (next.isAfter(firstAttemptAt.plus(retryFor))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
