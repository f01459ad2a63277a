package dev.dotgit.application.service.idempotency;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import dev.dotgit.application.port.in.idempotency.ClaimOutcome;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.testing.InMemoryPersistence;
import dev.dotgit.application.testing.MutableClock;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The periodic purge of CONTRACT §2.6's expired keys, on the in-memory store. */
class PurgeExpiredIdempotencyKeysServiceTest {

    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"proj_0123456789\"}".getBytes(StandardCharsets.UTF_8), "/v3/projects/proj_0123456789");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPersistence store = new InMemoryPersistence();
    private final AtomicInteger transactionsBegun = new AtomicInteger();
    private final RunInTransactionPort countingTransactions = new RunInTransactionPort() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsBegun.incrementAndGet();
            return store.inTransaction(work);
        }
    };
    private final ClaimIdempotencyKeyService claims = new ClaimIdempotencyKeyService(store, store, clock);
    private final CompleteIdempotentRequestService completions = new CompleteIdempotentRequestService(store, clock);
    private final AccountSlug account = anAccountSlug();

    private PurgeExpiredIdempotencyKeysService purgeInBatchesOf(int size) {
        return new PurgeExpiredIdempotencyKeysService(store, countingTransactions, clock, size);
    }

    private IdempotencyClaim claim(String key) {
        ClaimOutcome outcome = claims.claim(ClaimIdempotencyKeyCommand.of(account, key, "POST", "/v3/projects",
                ("{\"name\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8)));
        return ((ClaimOutcome.New) outcome).claim();
    }

    private void completed(String key) {
        assertThat(completions.complete(claim(key), CREATED)).isTrue();
    }

    @Test
    void keysPastTheirTimeGoAndTheRestStayWhateverTheirState() {
        completed("yesterday");
        claim("abandoned");
        clock.advance(Duration.ofHours(23));
        completed("an-hour-ago");
        clock.advance(Duration.ofHours(1));
        claim("running");

        long purged = purgeInBatchesOf(100).purgeExpired();

        assertThat(purged).isEqualTo(2);
        assertThat(store.find(account, new IdempotencyKey("yesterday"))).isEmpty();
        assertThat(store.find(account, new IdempotencyKey("abandoned"))).isEmpty();
        assertThat(store.find(account, new IdempotencyKey("an-hour-ago"))).isPresent();
        assertThat(store.find(account, new IdempotencyKey("running"))).isPresent();
    }

    @Test
    void aBacklogIsDeletedInBatchesEachInATransactionOfItsOwnUntilNoneIsLeft() {
        for (int i = 0; i < 7; i++) {
            completed("old-" + i);
        }
        clock.advance(Duration.ofDays(2));
        completed("fresh");

        long purged = purgeInBatchesOf(3).purgeExpired();

        assertThat(purged).isEqualTo(7);
        assertThat(transactionsBegun).as("batches of 3, 3 and 1").hasValue(3);
        assertThat(store.find(account, new IdempotencyKey("fresh"))).isPresent();
        assertThat(purgeInBatchesOf(3).purgeExpired()).isZero();
    }

    @Test
    void aPurgedKeyMayBeUsedForAnotherRequest() {
        completed("reused-tomorrow");
        clock.advance(Duration.ofHours(24));
        purgeInBatchesOf(10).purgeExpired();

        ClaimOutcome other = claims.claim(ClaimIdempotencyKeyCommand.of(account, "reused-tomorrow", "POST",
                "/v3/projects", "{\"name\":\"another\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(other).isInstanceOf(ClaimOutcome.New.class);
    }

    @Test
    void aBatchHoldsAtLeastOneRecord() {
        assertThatThrownBy(() -> purgeInBatchesOf(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
