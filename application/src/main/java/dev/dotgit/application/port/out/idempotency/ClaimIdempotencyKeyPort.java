package dev.dotgit.application.port.out.idempotency;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, stored per account, shared by every node over one store. A key is held
 * by at most one claim at a time: the store's unique key on (account, key) decides between
 * concurrent claims, in-process or across nodes. Each method runs on the caller's
 * transaction when there is one, else on its own; none leaves a caller's transaction unusable
 * (a lost claim is an answer, not a failure).
 */
public interface ClaimIdempotencyKeyPort {

    /**
     * Stores {@code claim} as the in-flight holder of its key, unless the key already has a
     * live record. A record counts as absent (and is replaced by this claim, in the same
     * transaction) when it is completed and its claim was made at or before
     * {@code completedExpireAtOrBefore}, or in flight and claimed at or before
     * {@code inFlightExpireAtOrBefore}.
     *
     * @return true when {@code claim} now holds the key; false when another record holds it
     *         (or a concurrent claim of the same key was busy winning it)
     */
    boolean claim(IdempotencyClaim claim, Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore);

    /** The record under the key, live or expired. */
    Optional<IdempotencyRecord> find(AccountSlug account, IdempotencyKey key);

    /**
     * Stores the response of the claim's request and ends its flight.
     *
     * @return false, changing nothing, when {@code claim} no longer holds the key (it expired
     *         and another claim took over, or it was already completed or released)
     */
    boolean complete(IdempotencyClaim claim, StoredResponse response, Instant completedAt);

    /**
     * Removes the claim so the key is free again at once.
     *
     * @return false, changing nothing, when {@code claim} no longer holds the key in flight
     */
    boolean release(IdempotencyClaim claim);
}
