package dev.dotgit.bootstrap.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for one test class, created through the {@code postgres}
 * maintenance database at {@code $DOTGIT_TEST_POSTGRES_URL} (as in the persistence and scheduler
 * modules; default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) and dropped on close.
 * PostgreSQL is required: when it cannot be reached the tests fail with a message saying where
 * it was looked for, never skip.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String URL_VARIABLE = "DOTGIT_TEST_POSTGRES_URL";
    private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final String USER = "postgres";
    private static final String PASSWORD = "";

    private final String adminUrl;
    private final String name;

    private PostgresDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    public static PostgresDatabase create() {
        String configured = System.getenv(URL_VARIABLE);
        String adminUrl = configured == null || configured.isBlank() ? DEFAULT_ADMIN_URL : configured;
        PostgresDatabase database = new PostgresDatabase(adminUrl,
                "dotgit_e2e_" + ServerSettings.randomAlphanumeric(12));
        database.executeAsAdmin("create database " + database.name);
        return database;
    }

    /** The settings that point a server at this database. */
    public ServerSettings configure(ServerSettings settings) {
        Matcher url = POSTGRES_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database,"
                    + " not " + adminUrl);
        }
        return settings.with("datasources.default.url", url.group(1) + name + (url.group(3) == null ? "" : url.group(3)))
                .with("datasources.default.username", USER)
                .with("datasources.default.password", PASSWORD);
    }

    @Override
    public void close() {
        // FORCE: connections of a pool that is still closing must not keep the database alive.
        executeAsAdmin("drop database if exists " + name + " with (force)");
    }

    private void executeAsAdmin(String sql) {
        try (Connection admin = DriverManager.getConnection(adminUrl, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL end-to-end tests need PostgreSQL at " + adminUrl
                    + " (user " + USER + ", no password) and could not run '" + sql + "': " + e.getMessage()
                    + " Point " + URL_VARIABLE + " at a reachable server, or start the local one with"
                    + " 'pg_ctlcluster 15 main start'.", e);
        }
    }
}
