package dev.dotgit.adapter.persistence.transaction;

import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Use-case transactions on the JDBC transaction manager of the default datasource. Every
 * repository and hand-written statement of this module runs on the connection of the
 * current transaction, so a use case's writes commit together.
 *
 * <p>A nested call joins the transaction already open on this thread by simply running its
 * work there: only the outermost call commits or rolls back. So a failure that the outer work
 * catches and handles does not doom the outer transaction (as it would if the nested call
 * went through the transaction manager, which marks a joined transaction rollback-only).
 * One limit no adapter can lift: after a statement fails, PostgreSQL refuses every further
 * statement of that transaction, so carrying on after a storage failure is never possible.
 */
@Singleton
public class JdbcTransactionAdapter implements RunInTransactionPort {

    private final TransactionOperations<Connection> transactions;

    public JdbcTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * What the work throws rolls the transaction back and reaches the caller as it was thrown
     * (the transaction manager rethrows it unwrapped; a domain error keeps its type). Anything
     * the transaction machinery itself throws (no connection to begin on, a failed commit)
     * becomes StorageUnavailable. If both fail, the work's failure wins and the other is
     * attached to it as suppressed, because it says what the use case was doing.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        Throwable[] thrownByWork = new Throwable[1];
        try {
            return transactions.executeWrite(status -> {
                try {
                    return work.get();
                } catch (RuntimeException | Error e) {
                    thrownByWork[0] = e;
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            Throwable workFailure = thrownByWork[0];
            if (workFailure != null) {
                if (workFailure != e) {
                    workFailure.addSuppressed(e);
                }
                throw rethrow(workFailure);
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw StorageFailures.unavailable("running a transaction", e);
        }
    }

    /** Rethrows a RuntimeException or Error that was caught as such, without wrapping it. */
    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }
}
