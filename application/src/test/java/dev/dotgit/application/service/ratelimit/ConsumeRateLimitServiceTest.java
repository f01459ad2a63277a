package dev.dotgit.application.service.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.account.CreateAccountCommand;
import dev.dotgit.application.port.in.account.RateLimitInput;
import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.application.port.in.ratelimit.RateLimitDecision;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.application.service.account.UpdateAccountService;
import dev.dotgit.application.testing.InMemoryTokenBuckets;
import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.RateLimited;
import dev.dotgit.domain.error.StorageUnavailable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeRateLimitServiceTest {

    @TempDir
    Path workspaces;

    private TestPlatform platform;

    @BeforeEach
    void platform() {
        platform = new TestPlatform(workspaces);
    }

    @AfterEach
    void close() throws Exception {
        platform.close();
    }

    private String newAccountKey(String slug, String plan, Long perMinute, Long burst) {
        RateLimitInput custom = perMinute == null ? null : new RateLimitInput(perMinute, burst);
        return platform.createAccount.create(CreateAccountCommand.of(slug, plan, custom)).secret().reveal();
    }

    private static RateLimitDecision decided(ConsumeRateLimitService service, String key) {
        try {
            return service.consume(key).toCompletableFuture().get().orElseThrow();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private RateLimitDecision decided(String key) {
        return decided(platform.consumeRateLimit, key);
    }

    @Nested
    class OnNodeLocalBuckets {

        @Test
        void grantsExactlyTheBurstCountingDownThenRefusesUntilTheNextToken() {
            String key = newAccountKey("acme", "free", 60L, 5L);

            List<Long> remaining = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RateLimitDecision decision = decided(key);
                assertThat(decision.allowed()).isTrue();
                assertThat(decision.limitPerMinute()).isEqualTo(60);
                remaining.add(decision.remaining());
            }
            RateLimitDecision refused = decided(key);

            assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.remaining()).isZero();
            assertThat(refused.retryAfterSeconds()).isEqualTo(1);
            RateLimited error = refused.refusal();
            assertThat(error.code()).isEqualTo("rate_limit_exceeded");
            assertThat(error.retryAfterSeconds()).isEqualTo(1);
            assertThat(refused.resetAt()).as("five tokens at one a second").isEqualTo(platform.clock.instant()
                    .plusSeconds(5));

            platform.clock.advance(Duration.ofSeconds(1));
            assertThat(decided(key).allowed()).isTrue();
        }

        @Test
        void followsThePlanWhenTheAccountHasNoNumbersOfItsOwn() {
            String key = newAccountKey("planned", "starter", null, null);

            RateLimitDecision decision = decided(key);

            assertThat(decision.limitPerMinute()).isEqualTo(Plan.STARTER.defaultRateLimit().perMinute());
            assertThat(decision.remaining()).isEqualTo(Plan.STARTER.defaultRateLimit().burst() - 1);
        }

        @Test
        void aChangeMadeOnThisNodeAppliesToTheNextRequest() {
            String key = newAccountKey("growing", "free", 60L, 2L);
            decided(key);
            decided(key);
            assertThat(decided(key).allowed()).isFalse();

            platform.updateAccount.update(new UpdateAccountCommand("growing", Optional.empty(),
                    Optional.of(new RateLimit(600, 20)), true));
            RateLimitDecision raised = decided(key);

            assertThat(raised.allowed()).isTrue();
            assertThat(raised.limitPerMinute()).isEqualTo(600);
            assertThat(raised.remaining()).as("the 18 more tokens of the larger burst, less this one").isEqualTo(17);

            platform.updateAccount.update(new UpdateAccountCommand("growing", Optional.of(Plan.ENTERPRISE),
                    Optional.empty(), true));
            assertThat(decided(key).limitPerMinute()).as("the plan's numbers once the custom ones are cleared")
                    .isEqualTo(6000);
        }

        @Test
        void accountsHaveIndependentBudgets() {
            String one = newAccountKey("first", "free", 60L, 1L);
            String other = newAccountKey("second", "free", 60L, 1L);

            assertThat(decided(one).allowed()).isTrue();
            assertThat(decided(one).allowed()).isFalse();
            assertThat(decided(other).allowed()).isTrue();
        }

        @Test
        void requestsThatDoNotAuthenticateAreNotLimitedHere() throws Exception {
            assertThat(platform.consumeRateLimit.consume(null).toCompletableFuture().get()).isEmpty();
            assertThat(platform.consumeRateLimit.consume("gsk_live_notakey").toCompletableFuture().get()).isEmpty();
        }
    }

    @Nested
    class OnSharedBuckets {

        private InMemoryTokenBuckets shared;

        @BeforeEach
        void sharedBuckets() {
            shared = new InMemoryTokenBuckets(platform.clock, true);
        }

        /** A node of its own over the platform's storage and the one shared bucket store. */
        private ConsumeRateLimitService node() {
            return new ConsumeRateLimitService(platform.authenticateCaller, platform.store, shared, Runnable::run,
                    platform.clock, Duration.ofSeconds(5));
        }

        @Test
        void twoNodesTogetherGrantNoMoreThanTheBurstAndThenRefuseWithoutAskingAgain() {
            String key = newAccountKey("shared", "free", 60L, 10L);
            ConsumeRateLimitService a = node();
            ConsumeRateLimitService b = node();

            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                allowed += decided(a, key).allowed() ? 1 : 0;
                allowed += decided(b, key).allowed() ? 1 : 0;
            }
            int callsWhenExhausted = shared.calls();
            for (int i = 0; i < 50; i++) {
                assertThat(decided(i % 2 == 0 ? a : b, key).allowed()).isFalse();
            }

            assertThat(allowed).isEqualTo(10);
            assertThat(shared.calls()).as("an empty bucket is remembered until its next token")
                    .isEqualTo(callsWhenExhausted);
            platform.clock.advance(Duration.ofSeconds(1));
            assertThat(decided(a, key).allowed()).isTrue();
        }

        @Test
        void largeBudgetsAreTakenInChunksSoMostRequestsCostNoRoundTrip() {
            String key = newAccountKey("busy", "enterprise", 60_000L, 1_000L);
            ConsumeRateLimitService node = node();

            for (int i = 0; i < 500; i++) {
                assertThat(decided(node, key).allowed()).isTrue();
            }

            // 60,000 a minute is 100 in 100 ms, capped at 5 % of the burst: chunks of 50.
            assertThat(ConsumeRateLimitService.chunk(new RateLimit(60_000, 1_000))).isEqualTo(50);
            assertThat(shared.calls()).isLessThanOrEqualTo(500 / 25 + 1);
        }

        @Test
        void remainingCountsDownOnOneNode() {
            String key = newAccountKey("counted", "free", 60L, 5L);
            ConsumeRateLimitService node = node();

            List<Long> remaining = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                remaining.add(decided(node, key).remaining());
            }

            assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
        }

        @Test
        void aChangeOnAnotherNodeAppliesHereOnceTheCacheTimeHasPassed() {
            String key = newAccountKey("remote", "free", 60L, 1L);
            ConsumeRateLimitService here = node();
            ConsumeRateLimitService there = node();
            UpdateAccountService updateThere = new UpdateAccountService(platform.store, platform.store,
                    platform.store, there);
            assertThat(decided(here, key).allowed()).isTrue();
            assertThat(decided(here, key).allowed()).isFalse();

            updateThere.update(new UpdateAccountCommand("remote", Optional.empty(),
                    Optional.of(new RateLimit(600, 50)), true));
            platform.clock.advance(Duration.ofMillis(100));
            assertThat(decided(here, key).limitPerMinute()).as("within the cache time").isEqualTo(60);

            platform.clock.advance(Duration.ofSeconds(5));
            RateLimitDecision after = decided(here, key);
            assertThat(after.allowed()).isTrue();
            assertThat(after.limitPerMinute()).isEqualTo(600);
        }

        @Test
        void storageWorkNeverRunsOnTheCallingThread() throws Exception {
            String key = newAccountKey("async", "free", 60L, 5L);
            List<Runnable> queued = new ArrayList<>();
            Executor later = queued::add;
            ConsumeRateLimitService node = new ConsumeRateLimitService(platform.authenticateCaller, platform.store,
                    shared, later, platform.clock, Duration.ofSeconds(5));

            var pending = node.consume(key).toCompletableFuture();
            assertThat(pending).as("the key is looked up off this thread").isNotDone();
            while (!queued.isEmpty()) {
                queued.remove(0).run();
            }

            assertThat(pending.get()).hasValueSatisfying(decision -> assertThat(decision.allowed()).isTrue());
            assertThat(shared.calls()).isEqualTo(2); // the first chunk, then the reserve topped up ahead
        }

        @Test
        void aStoreThatFailsLetsRequestsThroughUnlimited() throws Exception {
            String key = newAccountKey("broken", "free", 60L, 5L);
            ConsumeRateLimitService node = new ConsumeRateLimitService(platform.authenticateCaller, platform.store,
                    new FailingBuckets(), Runnable::run, platform.clock, Duration.ofSeconds(5));

            assertThat(node.consume(key).toCompletableFuture().get()).isEmpty();
        }
    }

    private static final class FailingBuckets implements TakeRateLimitTokensPort {

        @Override
        public boolean isSharedBetweenNodes() {
            return true;
        }

        @Override
        public TokenGrant takeUpTo(AccountSlug account, RateLimit limit, long limitVersion, long maxTokens) {
            throw new StorageUnavailable("rate-limit buckets", new IllegalStateException("down"));
        }
    }

    @Test
    void theResetIsWholeSecondsWhenTheBucketIsFullAgain() {
        String key = newAccountKey("rounded", "free", 7L, 3L);
        platform.clock.set(Instant.parse("2026-11-22T10:00:00.250Z"));

        RateLimitDecision decision = decided(key);

        // one token missing at 7 a minute: 8.57 s, rounded up to the next whole second
        assertThat(decision.resetAt()).isEqualTo(Instant.parse("2026-11-22T10:00:09Z"));
    }
}
