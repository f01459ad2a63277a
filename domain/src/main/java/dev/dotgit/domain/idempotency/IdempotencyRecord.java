package dev.dotgit.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is stored under an idempotency key: the claim of the first request and, once that
 * request succeeded, its response. Without a response the first request is still in flight
 * (or its node died; see {@link #isExpired}).
 */
public record IdempotencyRecord(IdempotencyClaim claim, StoredResponse response, Instant completedAt) {

    /** How long a key remembers its first response (CONTRACT §2.6). */
    public static final Duration RETENTION = Duration.ofHours(24);
    /**
     * How long an unfinished claim blocks its key. A creating request finishes in well under a
     * second (builds run later, as jobs), so a claim this old belongs to a node that died
     * between claiming and completing; after it a new request may take the key over.
     */
    public static final Duration IN_FLIGHT_EXPIRY = Duration.ofMinutes(5);

    public IdempotencyRecord {
        Objects.requireNonNull(claim, "claim");
        if ((response == null) != (completedAt == null)) {
            throw new IllegalArgumentException("a completed record has both a response and a completion time");
        }
    }

    public static IdempotencyRecord inFlight(IdempotencyClaim claim) {
        return new IdempotencyRecord(claim, null, null);
    }

    public boolean isInFlight() {
        return response == null;
    }

    public Optional<StoredResponse> storedResponse() {
        return Optional.ofNullable(response);
    }

    /**
     * Whether the key counts as unused again at {@code now}: a completed record after
     * {@link #RETENTION}, an unfinished claim after {@link #IN_FLIGHT_EXPIRY}, both measured
     * from the claim.
     */
    public boolean isExpired(Instant now) {
        Duration age = Duration.between(claim.claimedAt(), now);
        return age.compareTo(isInFlight() ? IN_FLIGHT_EXPIRY : RETENTION) >= 0;
    }
}
