package dev.dotgit.domain.account;

import dev.dotgit.domain.apikey.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The owner every other object belongs to. An account never sees another account's objects.
 *
 * @param customRateLimit numbers agreed for this account, or null to follow the plan
 */
public record Account(AccountSlug slug, Plan plan, RateLimit customRateLimit, PublicKey publicKey,
                      Instant createdAt, long version) {

    public Account {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Account create(AccountSlug slug, Plan plan, RateLimit customRateLimit, Instant now) {
        return new Account(slug, plan, customRateLimit, PublicKey.generate(), now, 0);
    }

    public RateLimit effectiveRateLimit() {
        return customRateLimit != null ? customRateLimit : plan.defaultRateLimit();
    }

    public Account withPlan(Plan newPlan) {
        return new Account(slug, newPlan, customRateLimit, publicKey, createdAt, version);
    }

    /** The same account as storage now holds it, at {@code newVersion}. */
    public Account withVersion(long newVersion) {
        return new Account(slug, plan, customRateLimit, publicKey, createdAt, newVersion);
    }

    public Account withCustomRateLimit(RateLimit limit) {
        return new Account(slug, plan, limit, publicKey, createdAt, version);
    }
}
