package dev.dotgit.bootstrap.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for one test class, created through the {@code postgres}
 * maintenance database and dropped on close. PostgreSQL is required: when it cannot be reached
 * the tests fail with a message saying where it was looked for, never skip.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String HOST_AND_PORT = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST_AND_PORT + "/postgres";
    private static final String USER = "postgres";
    private static final String PASSWORD = "";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create() {
        PostgresDatabase database = new PostgresDatabase("dotgit_e2e_" + ServerSettings.randomAlphanumeric(12));
        database.executeAsAdmin("create database " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    /** The settings that point a server at this database. */
    public ServerSettings configure(ServerSettings settings) {
        return settings.with("datasources.default.url", "jdbc:postgresql://" + HOST_AND_PORT + "/" + name)
                .with("datasources.default.username", USER)
                .with("datasources.default.password", PASSWORD);
    }

    @Override
    public void close() {
        // FORCE: connections of a pool that is still closing must not keep the database alive.
        executeAsAdmin("drop database if exists " + name + " with (force)");
    }

    private void executeAsAdmin(String sql) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL end-to-end tests need PostgreSQL at " + ADMIN_URL
                    + " (user " + USER + ", trust authentication) and could not run '" + sql + "': " + e.getMessage()
                    + ". Start it with 'pg_ctlcluster 15 main start'.", e);
        }
    }
}
