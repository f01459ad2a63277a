package dev.dotgit.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.application.testing.MutableClock;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link TakeRateLimitTokensPort} promises. Time is the test's
 * {@link #clock}: the implementation under test must read it (and nothing else) as its time.
 */
public abstract class TakeRateLimitTokensPortContract {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private TakeRateLimitTokensPort buckets;

    /** A fresh implementation reading {@link #clock}. */
    protected abstract TakeRateLimitTokensPort buckets();

    @BeforeEach
    void createBuckets() {
        buckets = buckets();
    }

    /** Accounts unique across the run, since shared buckets outlive one test. */
    private static AccountSlug anAccount() {
        return new AccountSlug("bucket-" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() % 1_000_000);
    }

    @Test
    void aNewBucketIsFullAndGrantsItsBurstThenNothing() {
        AccountSlug account = anAccount();
        RateLimit limit = new RateLimit(60, 5);

        TokenGrant first = buckets.takeUpTo(account, limit, 0, 3);
        TokenGrant second = buckets.takeUpTo(account, limit, 0, 3);
        TokenGrant third = buckets.takeUpTo(account, limit, 0, 1);

        assertThat(first.granted()).isEqualTo(3);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(second.granted()).as("only what is left").isEqualTo(2);
        assertThat(second.remaining()).isZero();
        assertThat(third.granted()).isZero();
        assertThat(third.untilNextToken()).as("60 a minute: one a second")
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tokensComeBackAtThePerMinuteRateUpToTheBurst() {
        AccountSlug account = anAccount();
        RateLimit limit = new RateLimit(60, 5);
        buckets.takeUpTo(account, limit, 0, 5);

        clock.advance(Duration.ofSeconds(2));
        assertThat(buckets.takeUpTo(account, limit, 0, 5).granted()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(10));
        assertThat(buckets.takeUpTo(account, limit, 0, 100).granted()).as("never more than the burst").isEqualTo(5);
    }

    @Test
    void accountsHaveTheirOwnBuckets() {
        RateLimit limit = new RateLimit(60, 2);
        AccountSlug one = anAccount();
        AccountSlug other = anAccount();
        buckets.takeUpTo(one, limit, 0, 2);

        assertThat(buckets.takeUpTo(other, limit, 0, 2).granted()).isEqualTo(2);
        assertThat(buckets.takeUpTo(one, limit, 0, 1).granted()).isZero();
    }

    @Test
    void aHigherVersionRaisesTheLimitAndAddsTheLargerBurstAtOnce() {
        AccountSlug account = anAccount();
        buckets.takeUpTo(account, new RateLimit(60, 5), 1, 5);

        TokenGrant afterRaise = buckets.takeUpTo(account, new RateLimit(600, 50), 2, 100);

        assertThat(afterRaise.granted()).as("the 45 added tokens").isEqualTo(45);
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.takeUpTo(account, new RateLimit(600, 50), 2, 100).granted())
                .as("600 a minute: ten a second").isEqualTo(10);
    }

    @Test
    void aHigherVersionLowersTheLimitKeepingAtMostTheNewBurst() {
        AccountSlug account = anAccount();
        buckets.takeUpTo(account, new RateLimit(600, 50), 1, 10);

        TokenGrant afterLowering = buckets.takeUpTo(account, new RateLimit(60, 5), 2, 100);

        assertThat(afterLowering.granted()).as("40 were left; the new burst caps them").isEqualTo(5);
    }

    @Test
    void olderNumbersDoNotTurnTheBucketBack() {
        AccountSlug account = anAccount();
        buckets.takeUpTo(account, new RateLimit(60, 5), 3, 5);

        TokenGrant stale = buckets.takeUpTo(account, new RateLimit(600, 50), 2, 100);

        assertThat(stale.granted()).as("version 2 is older than the bucket's 3").isZero();
    }
}
