package dev.dotgit.application.service.idempotency;

import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyUseCase;
import dev.dotgit.application.port.in.idempotency.ClaimOutcome;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.error.IdempotencyKeyInUse;
import dev.dotgit.domain.error.IdempotencyKeyReused;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims keys. How every race ends:
 * <ul>
 * <li>Two requests with one key, on one node or two: both try to insert the claim; the
 * store's primary key on (account, key) lets exactly one insert commit. The loser reads the
 * winner's record: in flight → {@link IdempotencyKeyInUse}; completed with the same
 * fingerprint → replay; another fingerprint → {@link IdempotencyKeyReused} (checked first: a
 * different request can never be answered by this key, whatever the first one's state).</li>
 * <li>The winner releases its claim (an error answer) between the loser's failed insert and
 * its read: the loser finds nothing and tries to claim again, a bounded number of times.</li>
 * <li>A node dies between claim and completion: the in-flight record blocks the key
 * ({@code idempotency_key_in_use}) until {@link IdempotencyRecord#IN_FLIGHT_EXPIRY}, after
 * which the next claim replaces it in its own transaction. Should the first request still
 * finish after that, its completion finds its claim gone and stores nothing (the claim id
 * tells the two apart).</li>
 * <li>A completed record older than {@link IdempotencyRecord#RETENTION} counts as absent: the
 * key may be used afresh, for any request.</li>
 * </ul>
 */
public final class ClaimIdempotencyKeyService implements ClaimIdempotencyKeyUseCase {

    /** Claim, find nothing, claim again: more rounds than this means someone keeps releasing the key. */
    private static final int ATTEMPTS = 3;

    private final ClaimIdempotencyKeyPort keys;
    private final RunInTransactionPort transactions;
    private final Clock clock;

    public ClaimIdempotencyKeyService(ClaimIdempotencyKeyPort keys, RunInTransactionPort transactions, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ClaimOutcome claim(ClaimIdempotencyKeyCommand command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = Timestamps.now(clock);
            IdempotencyClaim candidate = new IdempotencyClaim(command.account(), command.key(), command.fingerprint(),
                    UUID.randomUUID().toString(), now);
            boolean won = transactions.inTransaction(() -> keys.claim(candidate,
                    now.minus(IdempotencyRecord.RETENTION), now.minus(IdempotencyRecord.IN_FLIGHT_EXPIRY)));
            if (won) {
                return new ClaimOutcome.New(candidate);
            }
            Optional<IdempotencyRecord> held = keys.find(command.account(), command.key())
                    .filter(found -> !found.isExpired(now));
            if (held.isEmpty()) {
                continue;
            }
            IdempotencyRecord record = held.get();
            if (!record.claim().fingerprint().equals(command.fingerprint())) {
                throw new IdempotencyKeyReused(command.key().value());
            }
            if (record.isInFlight()) {
                throw new IdempotencyKeyInUse(command.key().value());
            }
            return new ClaimOutcome.Replay(record.response());
        }
        throw new IdempotencyKeyInUse(command.key().value());
    }
}
