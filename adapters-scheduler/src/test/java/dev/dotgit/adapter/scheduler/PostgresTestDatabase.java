package dev.dotgit.adapter.scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, created through the {@code postgres}
 * maintenance database at {@code DOTGIT_TEST_POSTGRES_URL} and dropped afterwards. No
 * PostgreSQL means failed tests, never skipped ones: the multi-node guarantees are only
 * proven there.
 */
final class PostgresTestDatabase implements TestDatabase {

    private static final String ADMIN_URL = System.getenv().getOrDefault("DOTGIT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USERNAME = "postgres";
    private static final String URL_PREFIX = "jdbc:postgresql://";

    private final String name;
    private final String jdbcUrl;

    private PostgresTestDatabase(String name) {
        this.name = name;
        this.jdbcUrl = withDatabase(ADMIN_URL, name);
    }

    static PostgresTestDatabase create() {
        PostgresTestDatabase database = new PostgresTestDatabase(
                "dotgit_sched_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + database.name);
        } catch (SQLException e) {
            throw new IllegalStateException("These tests need PostgreSQL, reachable at " + ADMIN_URL + " as user "
                    + USERNAME + " (set DOTGIT_TEST_POSTGRES_URL, or start it with 'pg_ctlcluster 15 main start'); "
                    + "creating a test database failed: " + e.getMessage(), e);
        }
        return database;
    }

    void drop() throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            // FORCE: a pool that is still closing must not keep the database alive.
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return "";
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN_URL, USERNAME, "");
    }

    /** The admin URL with its database name replaced, keeping host, port and parameters. */
    private static String withDatabase(String url, String database) {
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalStateException("DOTGIT_TEST_POSTGRES_URL must start with " + URL_PREFIX + ": " + url);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int pathStart = base.indexOf('/', URL_PREFIX.length());
        String hostAndPort = pathStart < 0 ? base : base.substring(0, pathStart);
        return hostAndPort + "/" + database + parameters;
    }
}
