package dev.dotgit.domain.idempotency;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import java.util.Objects;

/**
 * One request's hold on an idempotency key while it runs. The claim id tells this holder
 * apart from a later one that took over the key after this claim expired, so a late
 * completion or release of an expired claim changes nothing.
 */
public record IdempotencyClaim(AccountSlug account, IdempotencyKey key, RequestFingerprint fingerprint,
                               String claimId, Instant claimedAt) {

    public IdempotencyClaim {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(claimedAt, "claimedAt");
        if (claimId.isEmpty() || claimId.length() > 40) {
            throw new IllegalArgumentException("a claim id has 1-40 characters");
        }
    }
}
