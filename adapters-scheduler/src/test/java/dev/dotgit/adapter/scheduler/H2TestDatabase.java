package dev.dotgit.adapter.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A named in-memory H2 database in PostgreSQL mode, as the server runs it. Named, and kept open
 * between connections, so that several nodes in this JVM share it as nodes share PostgreSQL.
 */
final class H2TestDatabase implements TestDatabase {

    private final String jdbcUrl;

    private H2TestDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static H2TestDatabase create() {
        String name = "dotgit_sched_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new H2TestDatabase("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    void drop() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }
}
