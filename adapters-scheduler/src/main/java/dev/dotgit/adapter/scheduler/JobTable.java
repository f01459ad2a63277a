package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;

/**
 * The table db-scheduler keeps its executions in (created by this module's Flyway migration) and
 * how db-scheduler must talk to it on each database the server supports.
 */
final class JobTable {

    static final String NAME = "scheduled_tasks";

    private static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    private JobTable() {
    }

    /**
     * Chosen from the configured JDBC URL rather than by db-scheduler's auto-detection, for two
     * reasons. Auto-detection opens a connection while the client is built, and the client that
     * schedules inside the caller's transaction is built on Micronaut's transaction-aware
     * DataSource, which has no connection to give outside a transaction. And on H2 it finds
     * product "H2" whatever the compatibility mode, falls back to the default customization and
     * warns about zone-less time columns, which these are not.
     *
     * <p>PostgreSQL gets db-scheduler's PostgreSQL customization; everything else (H2 in
     * PostgreSQL mode) the ANSI default. Neither persists "in UTC" through a calendar: the
     * columns are {@code timestamp with time zone} and instants are bound as UTC
     * {@code OffsetDateTime}s, which both engines store and compare as instants.
     */
    static JdbcCustomization customizationFor(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith(POSTGRESQL_URL_PREFIX)) {
            return new PostgreSqlJdbcCustomization(false, false);
        }
        return new DefaultJdbcCustomization(false);
    }
}
