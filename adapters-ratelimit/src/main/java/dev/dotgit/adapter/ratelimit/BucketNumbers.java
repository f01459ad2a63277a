package dev.dotgit.adapter.ratelimit;

import dev.dotgit.domain.account.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/** An account's numbers as a bucket4j configuration, and what bucket4j's answers mean in them. */
final class BucketNumbers {

    /**
     * When an account's numbers change, its bucket keeps its tokens additively: a larger burst adds
     * the difference at once (an upgrade lifts a limit immediately, as a customer who just paid
     * expects), a smaller one caps what is left. RESET would hand out a full bucket on every change,
     * PROPORTIONALLY and AS_IS would leave an exhausted account exhausted after its upgrade.
     */
    static final TokensInheritanceStrategy ON_CHANGE = TokensInheritanceStrategy.ADDITIVE;

    private BucketNumbers() {
    }

    /** Capacity {@code burst}, refilled smoothly (greedily) at {@code perMinute} a minute, full at first. */
    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /**
     * How long until the next whole token, given how long the bucket needs to be full and how much
     * it holds: the last {@code capacity - available - 1} missing tokens take one interval each, the
     * rest of the wait is the next token's.
     */
    static Duration untilNextToken(BucketConfiguration configuration, long available, long nanosUntilFull) {
        if (available > 0) {
            return Duration.ZERO;
        }
        Bandwidth bandwidth = configuration.getBandwidths()[0];
        long interval = Math.max(1, bandwidth.getRefillPeriodNanos() / bandwidth.getRefillTokens());
        long later = (bandwidth.getCapacity() - 1) * interval;
        long next = nanosUntilFull - later;
        return Duration.ofNanos(Math.max(1, Math.min(next, interval)));
    }
}
