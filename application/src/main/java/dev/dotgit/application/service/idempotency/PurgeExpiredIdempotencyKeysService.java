package dev.dotgit.application.service.idempotency;

import dev.dotgit.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes expired idempotency records in batches, each batch its own short transaction, so a
 * large backlog (a purge that did not run for days) never holds locks on many rows at once and
 * never makes a request that claims a key wait long.
 *
 * <p>How races end: the expiry thresholds are fixed when a purge starts, so it ends (records
 * created meanwhile are younger than both thresholds). A claim replacing an expired record at
 * the same moment deletes the same row: the two deletes meet at its row lock and one finds
 * nothing to delete. A late completion of an in-flight record the purge removed finds its claim
 * gone and stores nothing, exactly as when a later claim took its key over.
 */
public final class PurgeExpiredIdempotencyKeysService implements PurgeExpiredIdempotencyKeysUseCase {

    /** Rows per transaction: small enough for a short lock, large enough to clear a day's keys in a few rounds. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final PurgeExpiredIdempotencyKeysPort keys;
    private final RunInTransactionPort transactions;
    private final Clock clock;
    private final int batchSize;

    public PurgeExpiredIdempotencyKeysService(PurgeExpiredIdempotencyKeysPort keys, RunInTransactionPort transactions,
                                              Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one record");
        }
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public long purgeExpired() {
        Instant now = Timestamps.now(clock);
        Instant completedExpiry = now.minus(IdempotencyRecord.RETENTION);
        Instant inFlightExpiry = now.minus(IdempotencyRecord.IN_FLIGHT_EXPIRY);
        long purged = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> keys.purgeExpired(completedExpiry, inFlightExpiry, batchSize));
            purged += batch;
        } while (batch >= batchSize);
        return purged;
    }
}
