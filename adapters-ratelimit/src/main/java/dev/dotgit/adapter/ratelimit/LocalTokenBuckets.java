package dev.dotgit.adapter.ratelimit;

import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The buckets in this node's memory, for the embedded database, which means one node. bucket4j's
 * local buckets are lock-free, so a request takes its token on its own thread without waiting.
 * Buckets are lost on restart (every account starts full again), which for one node is the same
 * as a pause long enough to refill them.
 */
public final class LocalTokenBuckets implements TakeRateLimitTokensPort {

    /** Accounts with a bucket; past this every bucket starts afresh, so memory stays bounded. */
    static final int MAX_BUCKETS = 100_000;

    private record Versioned(Bucket bucket, long version) {
    }

    private final ClockTimeMeter time;
    private final ConcurrentMap<AccountSlug, Versioned> buckets = new ConcurrentHashMap<>();

    public LocalTokenBuckets(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public boolean isSharedBetweenNodes() {
        return false;
    }

    @Override
    public TokenGrant takeUpTo(AccountSlug account, RateLimit limit, long limitVersion, long maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("ask for at least one token");
        }
        Versioned current = buckets.get(account);
        if (current == null || current.version() < limitVersion) {
            current = current(account, limit, limitVersion);
        }
        Bucket bucket = current.bucket();
        if (maxTokens == 1) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            long remaining = probe.getRemainingTokens();
            Duration untilNext;
            if (remaining > 0) {
                untilNext = Duration.ZERO;
            } else if (probe.isConsumed()) {
                untilNext = BucketNumbers.untilNextToken(BucketNumbers.configuration(limit), 0,
                        probe.getNanosToWaitForReset());
            } else {
                untilNext = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
            }
            return new TokenGrant(probe.isConsumed() ? 1 : 0, remaining, untilNext);
        }
        var result = bucket.asVerbose().tryConsumeAsMuchAsPossible(maxTokens);
        long available = result.getDiagnostics().getAvailableTokens();
        return new TokenGrant(result.getValue(), available, BucketNumbers.untilNextToken(result.getConfiguration(),
                available, result.getDiagnostics().calculateFullRefillingTime()));
    }

    /**
     * The account's bucket under numbers of at least {@code version}. A newer version replaces the
     * numbers of the existing bucket in place (racing replacements of one version both apply the same
     * numbers, the second adding nothing); a first use makes a full bucket.
     */
    private Versioned current(AccountSlug account, RateLimit limit, long version) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(account)) {
            buckets.clear();
        }
        return buckets.compute(account, (slug, existing) -> {
            if (existing == null) {
                return new Versioned(Bucket.builder().withCustomTimePrecision(time)
                        .addLimit(BucketNumbers.configuration(limit).getBandwidths()[0]).build(), version);
            }
            if (existing.version() >= version) {
                return existing;
            }
            existing.bucket().replaceConfiguration(BucketNumbers.configuration(limit), BucketNumbers.ON_CHANGE);
            return new Versioned(existing.bucket(), version);
        });
    }
}
