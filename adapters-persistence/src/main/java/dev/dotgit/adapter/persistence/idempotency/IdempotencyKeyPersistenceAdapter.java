package dev.dotgit.adapter.persistence.idempotency;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;

import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.idempotency.RequestFingerprint;
import dev.dotgit.domain.idempotency.StoredResponse;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in hand-written SQL on the caller's transaction (or a connection of its own).
 *
 * <p>A claim is an insert under the primary key (account, key): of concurrent inserts of one
 * key, in any number of transactions and nodes, the database lets one commit; PostgreSQL makes
 * the others wait for it and then reports a unique violation (or succeed, if it rolled back),
 * H2 does the same or reports a concurrent update. Either way the loser is told false. The
 * insert runs under a savepoint, so losing does not doom the caller's transaction (PostgreSQL
 * refuses every statement of a transaction after a failed one). An expired row is deleted first,
 * in the same transaction, so its key can be claimed afresh; two claimants racing to replace the
 * same expired row meet at its row lock and then at the primary key, and one wins.
 */
@Singleton
public class IdempotencyKeyPersistenceAdapter implements ClaimIdempotencyKeyPort, PurgeExpiredIdempotencyKeysPort {

    private static final String WHAT = "idempotency key storage";
    private static final String IN_FLIGHT = "in_flight";
    private static final String COMPLETED = "completed";
    private static final String DELETE_EXPIRED = """
            delete from idempotency_keys
            where account = ? and idem_key = ?
              and ((state = 'completed' and created_at <= ?) or (state = 'in_flight' and created_at <= ?))""";
    private static final String INSERT = """
            insert into idempotency_keys (account, idem_key, fingerprint, claim_id, state, created_at)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            select fingerprint, claim_id, state, response_status, content_type, location, body, created_at,
                   completed_at
            from idempotency_keys where account = ? and idem_key = ?""";
    private static final String COMPLETE = """
            update idempotency_keys
            set state = ?, response_status = ?, content_type = ?, location = ?, body = ?, completed_at = ?
            where account = ? and idem_key = ? and claim_id = ? and state = ?""";
    /**
     * One batch of the purge: the oldest expired rows, at most {@code limit}. The outer statement
     * repeats the expiry condition, so a row that a concurrent claim put in place of an expired
     * one (same primary key, created now) is never deleted, whichever engine and isolation level.
     * Row values in IN and LIMIT in a subquery: both PostgreSQL and H2 (PostgreSQL mode) take them.
     */
    private static final String PURGE_BATCH = """
            delete from idempotency_keys
            where (account, idem_key) in (
                    select account, idem_key from idempotency_keys
                    where created_at <= ?
                      and ((state = 'completed' and created_at <= ?) or (state = 'in_flight' and created_at <= ?))
                    order by created_at
                    limit ?)
              and ((state = 'completed' and created_at <= ?) or (state = 'in_flight' and created_at <= ?))""";
    private static final String RELEASE =
            "delete from idempotency_keys where account = ? and idem_key = ? and claim_id = ? and state = ?";

    private final JdbcOperations jdbc;

    IdempotencyKeyPersistenceAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(IdempotencyClaim claim, Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore) {
        return guard(WHAT, () -> jdbc.execute(connection -> {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                update(connection, DELETE_EXPIRED, claim.account().value(), claim.key().value(),
                        completedExpireAtOrBefore, inFlightExpireAtOrBefore);
                update(connection, INSERT, claim.account().value(), claim.key().value(), claim.fingerprint().hex(),
                        claim.claimId(), IN_FLIGHT, claim.claimedAt());
            } catch (SQLException e) {
                if (!StorageFailures.isUniqueViolation(e) && !StorageFailures.isWriteConflict(e)) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        }));
    }

    @Override
    public Optional<IdempotencyRecord> find(AccountSlug account, IdempotencyKey key) {
        return guard(WHAT, () -> jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                SqlValues.bind(statement, 1, account.value());
                SqlValues.bind(statement, 2, key.value());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(record(account, key, row)) : Optional.<IdempotencyRecord>empty();
                }
            }
        }));
    }

    @Override
    public boolean complete(IdempotencyClaim claim, StoredResponse response, Instant completedAt) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc, COMPLETE, COMPLETED, response.status(),
                response.contentType(), response.location(), response.body(), completedAt, claim.account().value(),
                claim.key().value(), claim.claimId(), IN_FLIGHT) == 1);
    }

    @Override
    public boolean release(IdempotencyClaim claim) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc, RELEASE, claim.account().value(), claim.key().value(),
                claim.claimId(), IN_FLIGHT) == 1);
    }

    @Override
    public int purgeExpired(Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore, int limit) {
        // The first condition lets the index on created_at bound the scan: no expired row is
        // younger than the later of the two thresholds.
        Instant newestExpired = completedExpireAtOrBefore.isAfter(inFlightExpireAtOrBefore)
                ? completedExpireAtOrBefore : inFlightExpireAtOrBefore;
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc, PURGE_BATCH, newestExpired, completedExpireAtOrBefore,
                inFlightExpireAtOrBefore, limit, completedExpireAtOrBefore, inFlightExpireAtOrBefore));
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                SqlValues.bind(statement, i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static IdempotencyRecord record(AccountSlug account, IdempotencyKey key, ResultSet row)
            throws SQLException {
        IdempotencyClaim claim = new IdempotencyClaim(account, key, new RequestFingerprint(row.getString("fingerprint")),
                row.getString("claim_id"), SqlValues.instant(row, "created_at"));
        if (!COMPLETED.equals(row.getString("state"))) {
            return IdempotencyRecord.inFlight(claim);
        }
        StoredResponse response = new StoredResponse(row.getInt("response_status"), row.getString("content_type"),
                row.getBytes("body"), row.getString("location"));
        return new IdempotencyRecord(claim, response, SqlValues.instant(row, "completed_at"));
    }
}
