package dev.dotgit.adapter.persistence.support;

import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.error.StorageUnavailable;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what JDBC, Hikari and Micronaut Data throw, so adapters can turn it into the domain's
 * error family before it crosses a port. SQL states are standard (both engines report
 * {@code 23505} for a unique violation); which unique index was hit is read from the message,
 * where both engines name it.
 */
public final class StorageFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Another transaction won a race for the same row: a serialization failure or deadlock
     * (both engines), or H2's "concurrent update". Retrying the whole unit of work is the cure,
     * which is what callers do on a ConcurrentModification.
     */
    private static final Set<String> WRITE_CONFLICTS = Set.of("40001", "40P01", "90131");

    private StorageFailures() {
    }

    /**
     * Runs one storage operation. Domain errors raised by the adapter itself pass unchanged;
     * anything else (a lost connection, a pool timeout, a row that no longer maps to a valid
     * domain object) means storage could not answer, and becomes {@link StorageUnavailable}
     * with the original as its cause, for the server log.
     *
     * @param what a few words for the caller-visible message, e.g. "reading deployments";
     *             never ids, SQL or values
     */
    public static <T> T guard(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DomainError e) {
            throw e;
        } catch (Exception e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Runs one write to the object {@code resource}/{@code id} like {@link #guard}, except that
     * losing a race to another transaction (a deadlock or serialization failure) is reported
     * as {@link ConcurrentModification}: the same answer as a stale version, and callers
     * already retry the whole unit of work on it.
     */
    public static <T> T guardWrite(String what, String resource, String id, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DomainError e) {
            throw e;
        } catch (Exception e) {
            if (isWriteConflict(e)) {
                throw new ConcurrentModification(resource, id);
            }
            throw unavailable(what, e);
        }
    }

    public static StorageUnavailable unavailable(String what, Throwable cause) {
        return new StorageUnavailable(what, cause);
    }

    /** Whether {@code failure} is a unique violation of the index or constraint named {@code index}. */
    public static boolean isUniqueViolationOf(Throwable failure, String index) {
        String name = index.toLowerCase(Locale.ROOT);
        for (SQLException e = firstSqlException(failure); e != null; e = next(e)) {
            String message = e.getMessage();
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && message != null
                    && message.toLowerCase(Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} is any unique violation (a primary key included). */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, Set.of(UNIQUE_VIOLATION));
    }

    /** Whether {@code failure} says a concurrent transaction changed or locked the same rows first. */
    public static boolean isWriteConflict(Throwable failure) {
        return hasSqlState(failure, WRITE_CONFLICTS);
    }

    private static boolean hasSqlState(Throwable failure, Set<String> states) {
        for (SQLException e = firstSqlException(failure); e != null; e = next(e)) {
            if (e.getSQLState() != null && states.contains(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The next exception to look at: a batch's chained exception first, then the cause. */
    private static SQLException next(SQLException e) {
        if (e.getNextException() != null) {
            return e.getNextException();
        }
        return e.getCause() instanceof SQLException cause && cause != e ? cause : null;
    }
}
