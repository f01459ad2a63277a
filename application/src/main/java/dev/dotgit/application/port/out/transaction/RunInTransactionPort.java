package dev.dotgit.application.port.out.transaction;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use case: everything the work does through the persistence
 * ports (and job scheduling) commits together or not at all. Nested calls join the outer
 * transaction.
 */
public interface RunInTransactionPort {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
