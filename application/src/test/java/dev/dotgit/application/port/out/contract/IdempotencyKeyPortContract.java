package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.idempotency.RequestFingerprint;
import dev.dotgit.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link ClaimIdempotencyKeyPort}. */
public abstract class IdempotencyKeyPortContract {

    private static final Duration RETENTION = IdempotencyRecord.RETENTION;
    private static final Duration IN_FLIGHT = IdempotencyRecord.IN_FLIGHT_EXPIRY;
    private static final IdempotencyKey KEY = new IdempotencyKey("order-2026-11-22/1");
    private static final RequestFingerprint FIRST = RequestFingerprint.of("POST", "/v3/projects", bytes("{\"name\":\"a\"}"));
    private static final RequestFingerprint OTHER = RequestFingerprint.of("POST", "/v3/projects", bytes("{\"name\":\"b\"}"));
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            bytes("{\"id\":\"proj_0123456789\",\"name\":\"a\"}"), "/v3/projects/proj_0123456789");

    private RunInTransactionPort transactions;
    private ClaimIdempotencyKeyPort keys;
    private PurgeExpiredIdempotencyKeysPort purge;
    private AccountSlug account;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract IdempotencyPorts ports();

    @BeforeEach
    void obtainPorts() {
        IdempotencyPorts ports = ports();
        transactions = ports.transactions();
        keys = ports.keys();
        purge = ports.purge();
        account = anAccountSlug();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private IdempotencyClaim claimAt(Instant at, RequestFingerprint fingerprint) {
        return new IdempotencyClaim(account, KEY, fingerprint, UUID.randomUUID().toString(), at);
    }

    /** Claims at {@code now}, with the expiry thresholds the service derives from it. */
    private boolean claim(IdempotencyClaim claim, Instant now) {
        return keys.claim(claim, now.minus(RETENTION), now.minus(IN_FLIGHT));
    }

    @Test
    void aFreeKeyIsClaimedAndReadsBackInFlight() {
        IdempotencyClaim claim = claimAt(T0, FIRST);

        assertThat(claim(claim, T0)).isTrue();

        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(claim));
    }

    @Test
    void anUnusedKeyFindsNothing() {
        assertThat(keys.find(account, new IdempotencyKey("never-used"))).isEmpty();
    }

    @Test
    void aHeldKeyCannotBeClaimedAgainWhateverTheRequestAndTheHolderStays() {
        IdempotencyClaim first = claimAt(T0, FIRST);
        claim(first, T0);

        assertThat(claim(claimAt(T0.plusSeconds(1), FIRST), T0.plusSeconds(1))).isFalse();
        assertThat(claim(claimAt(T0.plusSeconds(2), OTHER), T0.plusSeconds(2))).isFalse();

        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(first));
    }

    @Test
    void keysArePerAccount() {
        IdempotencyClaim mine = claimAt(T0, FIRST);
        AccountSlug other = anAccountSlug();
        IdempotencyClaim theirs = new IdempotencyClaim(other, KEY, OTHER, "theirs", T0);

        assertThat(claim(mine, T0)).isTrue();
        assertThat(claim(theirs, T0)).isTrue();

        assertThat(keys.find(account, KEY).orElseThrow().claim()).isEqualTo(mine);
        assertThat(keys.find(other, KEY).orElseThrow().claim()).isEqualTo(theirs);
    }

    @Test
    void aCompletedClaimReadsBackWithEveryByteOfItsResponse() {
        IdempotencyClaim claim = claimAt(T0, FIRST);
        claim(claim, T0);

        assertThat(keys.complete(claim, CREATED, T0.plusMillis(250))).isTrue();

        IdempotencyRecord stored = keys.find(account, KEY).orElseThrow();
        assertThat(stored).isEqualTo(new IdempotencyRecord(claim, CREATED, T0.plusMillis(250)));
        assertThat(stored.isInFlight()).isFalse();
        assertThat(stored.response().body()).isEqualTo(CREATED.body());
    }

    @Test
    void aResponseWithoutBodyTypeOrLocationReadsBackSo() {
        IdempotencyClaim claim = claimAt(T0, FIRST);
        claim(claim, T0);
        StoredResponse bare = new StoredResponse(204, null, new byte[0], null);

        keys.complete(claim, bare, T0);

        assertThat(keys.find(account, KEY).orElseThrow().response()).isEqualTo(bare);
    }

    @Test
    void aBinaryBodyIsKeptExactly() {
        IdempotencyClaim claim = claimAt(T0, FIRST);
        claim(claim, T0);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }

        keys.complete(claim, new StoredResponse(201, "application/octet-stream", everyByte, null), T0);

        assertThat(keys.find(account, KEY).orElseThrow().response().body()).isEqualTo(everyByte);
    }

    @Test
    void aCompletedKeyStaysTakenForItsRetentionThenANewClaimReplacesIt() {
        IdempotencyClaim first = claimAt(T0, FIRST);
        claim(first, T0);
        keys.complete(first, CREATED, T0.plusSeconds(1));

        Instant justBefore = T0.plus(RETENTION).minusMillis(1);
        assertThat(claim(claimAt(justBefore, OTHER), justBefore)).isFalse();
        assertThat(keys.find(account, KEY).orElseThrow().response()).isEqualTo(CREATED);

        Instant expired = T0.plus(RETENTION);
        IdempotencyClaim later = claimAt(expired, OTHER);
        assertThat(claim(later, expired)).isTrue();
        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(later));
    }

    @Test
    void anAbandonedClaimBlocksItsKeyForTheInFlightExpiryThenIsTakenOverAndCannotCompleteAnyMore() {
        IdempotencyClaim abandoned = claimAt(T0, FIRST);
        claim(abandoned, T0);

        Instant justBefore = T0.plus(IN_FLIGHT).minusMillis(1);
        assertThat(claim(claimAt(justBefore, FIRST), justBefore)).isFalse();

        Instant expired = T0.plus(IN_FLIGHT);
        IdempotencyClaim takeover = claimAt(expired, FIRST);
        assertThat(claim(takeover, expired)).isTrue();

        assertThat(keys.complete(abandoned, CREATED, expired)).isFalse();
        assertThat(keys.release(abandoned)).isFalse();
        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(takeover));
    }

    @Test
    void aReleasedKeyIsFreeAtOnce() {
        IdempotencyClaim first = claimAt(T0, FIRST);
        claim(first, T0);

        assertThat(keys.release(first)).isTrue();

        assertThat(keys.find(account, KEY)).isEmpty();
        IdempotencyClaim retry = claimAt(T0.plusSeconds(1), FIRST);
        assertThat(claim(retry, T0.plusSeconds(1))).isTrue();
        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(retry));
    }

    @Test
    void aCompletedClaimCanBeNeitherReleasedNorCompletedAgain() {
        IdempotencyClaim claim = claimAt(T0, FIRST);
        claim(claim, T0);
        keys.complete(claim, CREATED, T0);

        assertThat(keys.release(claim)).isFalse();
        assertThat(keys.complete(claim, new StoredResponse(500, null, new byte[0], null), T0)).isFalse();

        assertThat(keys.find(account, KEY).orElseThrow().response()).isEqualTo(CREATED);
    }

    @Test
    void aLostClaimLeavesTheCallersTransactionUsable() {
        claim(claimAt(T0, FIRST), T0);
        IdempotencyKey second = new IdempotencyKey("second-key");
        IdempotencyClaim secondClaim = new IdempotencyClaim(account, second, FIRST, "second", T0);

        boolean[] outcomes = transactions.inTransaction(() -> new boolean[] {
            claim(claimAt(T0, OTHER), T0),
            keys.claim(secondClaim, T0.minus(RETENTION), T0.minus(IN_FLIGHT))});

        assertThat(outcomes).containsExactly(false, true);
        assertThat(keys.find(account, second)).contains(IdempotencyRecord.inFlight(secondClaim));
    }

    @Test
    void ofTwentyConcurrentClaimsOfOneKeyInSeparateTransactionsExactlyOneWins() throws Exception {
        int claimants = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<IdempotencyClaim> candidates = new ArrayList<>();
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                IdempotencyClaim candidate = claimAt(T0, i % 2 == 0 ? FIRST : OTHER);
                candidates.add(candidate);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> claim(candidate, T0));
                }));
            }
            start.countDown();

            List<IdempotencyClaim> winners = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                if (outcomes.get(i).get(60, TimeUnit.SECONDS)) {
                    winners.add(candidates.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(winners.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- purging expired records ----
    // A purge sweeps every account, and the other tests leave records at T0 and later. These
    // tests therefore work long before T0 (each in a window of its own), and first clear their
    // window of anything an earlier run of the same store left there, so their counts are exact.

    private Instant purgeWindow(int days) {
        Instant base = T0.minus(Duration.ofDays(days));
        Instant end = base.plus(RETENTION).plus(Duration.ofDays(1));
        while (purge.purgeExpired(end, end, 1000) > 0) {
            // cleared in rounds of 1000
        }
        return base;
    }

    private IdempotencyClaim claimOf(IdempotencyKey key, Instant at) {
        IdempotencyClaim claim = new IdempotencyClaim(account, key, FIRST, UUID.randomUUID().toString(), at);
        assertThat(keys.claim(claim, at.minus(RETENTION), at.minus(IN_FLIGHT))).isTrue();
        return claim;
    }

    private IdempotencyClaim completedOf(IdempotencyKey key, Instant at) {
        IdempotencyClaim claim = claimOf(key, at);
        assertThat(keys.complete(claim, CREATED, at.plusMillis(10))).isTrue();
        return claim;
    }

    private int purgeAt(Instant now, int limit) {
        return purge.purgeExpired(now.minus(RETENTION), now.minus(IN_FLIGHT), limit);
    }

    @Test
    void aPurgeRemovesExactlyTheRecordsThatCountAsAbsentAndKeepsEveryLiveOne() {
        Instant base = purgeWindow(400);
        Instant now = base.plus(RETENTION);
        IdempotencyKey oldCompleted = new IdempotencyKey("old-completed");
        IdempotencyKey youngCompleted = new IdempotencyKey("young-completed");
        IdempotencyKey minutesOldCompleted = new IdempotencyKey("minutes-old-completed");
        IdempotencyKey abandoned = new IdempotencyKey("abandoned");
        IdempotencyKey running = new IdempotencyKey("running");
        completedOf(oldCompleted, base);
        IdempotencyClaim young = completedOf(youngCompleted, base.plusMillis(1));
        IdempotencyClaim minutesOld = completedOf(minutesOldCompleted, now.minus(IN_FLIGHT).minusSeconds(60));
        claimOf(abandoned, now.minus(IN_FLIGHT));
        IdempotencyClaim stillRunning = claimOf(running, now.minus(IN_FLIGHT).plusMillis(1));

        assertThat(purgeAt(now, 100)).isEqualTo(2);

        assertThat(keys.find(account, oldCompleted)).as("completed, 24 h old").isEmpty();
        assertThat(keys.find(account, abandoned)).as("in flight, 5 minutes old").isEmpty();
        assertThat(keys.find(account, youngCompleted).orElseThrow().claim()).isEqualTo(young);
        assertThat(keys.find(account, minutesOldCompleted).orElseThrow().claim())
                .as("a completed record outlives the in-flight expiry").isEqualTo(minutesOld);
        assertThat(keys.find(account, running)).contains(IdempotencyRecord.inFlight(stillRunning));
        assertThat(purgeAt(now, 100)).as("nothing left to purge").isZero();
    }

    @Test
    void aPurgeDeletesNoMoreThanItsLimitAndRoundsOfItClearAnyBacklog() {
        Instant base = purgeWindow(800);
        Instant now = base.plus(RETENTION).plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            completedOf(new IdempotencyKey("backlog-" + i), base.plusSeconds(i));
        }
        IdempotencyClaim fresh = completedOf(new IdempotencyKey("fresh"), now.minusSeconds(5));

        assertThat(purgeAt(now, 2)).isEqualTo(2);
        assertThat(purgeAt(now, 2)).isEqualTo(2);
        assertThat(purgeAt(now, 2)).isEqualTo(1);
        assertThat(purgeAt(now, 2)).isZero();

        for (int i = 0; i < 5; i++) {
            assertThat(keys.find(account, new IdempotencyKey("backlog-" + i))).isEmpty();
        }
        assertThat(keys.find(account, new IdempotencyKey("fresh")).orElseThrow().claim()).isEqualTo(fresh);
    }

    @Test
    void aPurgedKeyIsFreeForAnyRequestAndAPurgedClaimCanNoLongerComplete() {
        Instant base = purgeWindow(1200);
        Instant now = base.plus(IN_FLIGHT);
        IdempotencyClaim abandoned = claimOf(KEY, base);

        assertThat(purgeAt(now, 10)).isEqualTo(1);

        assertThat(keys.complete(abandoned, CREATED, now)).isFalse();
        IdempotencyClaim next = new IdempotencyClaim(account, KEY, OTHER, "next", now);
        assertThat(keys.claim(next, now.minus(RETENTION), now.minus(IN_FLIGHT))).isTrue();
        assertThat(keys.find(account, KEY)).contains(IdempotencyRecord.inFlight(next));
    }
}
