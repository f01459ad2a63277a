package dev.dotgit.application.port.out.idempotency;

import java.time.Instant;

/**
 * Removes idempotency records nobody can use any more, a bounded number at a time. Expired
 * records already count as absent for {@link ClaimIdempotencyKeyPort#claim}; removing them only
 * keeps the store from growing with every key ever sent.
 */
public interface PurgeExpiredIdempotencyKeysPort {

    /**
     * Deletes at most {@code limit} records that are completed and were claimed at or before
     * {@code completedExpireAtOrBefore}, or still in flight and claimed at or before
     * {@code inFlightExpireAtOrBefore} (the same rule as {@link ClaimIdempotencyKeyPort#claim}).
     * Live records are never touched, whatever runs at the same time: a record a concurrent claim
     * put in place of an expired one is live, and is left alone.
     *
     * @return how many records were deleted; fewer than {@code limit} means none of them are left
     */
    int purgeExpired(Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore, int limit);
}
