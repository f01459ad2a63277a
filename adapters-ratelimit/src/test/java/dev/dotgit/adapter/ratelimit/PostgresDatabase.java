package dev.dotgit.adapter.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL database with this module's migration applied, for one test class, dropped
 * on close. No PostgreSQL means failed tests, never skipped ones: sharing buckets between nodes is
 * only proven there.
 */
final class PostgresDatabase implements AutoCloseable {

    private static final String ADMIN_URL = System.getenv().getOrDefault("DOTGIT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USERNAME = "postgres";

    private final String name;
    private final HikariDataSource pool;

    private PostgresDatabase(String name) {
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ADMIN_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
        config.setUsername(USERNAME);
        config.setPassword("");
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
    }

    static PostgresDatabase create() {
        String name = "dotgit_ratelimit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("create database " + name);
        PostgresDatabase database = new PostgresDatabase(name);
        Flyway.configure().dataSource(database.pool).locations("classpath:db/migration").load().migrate();
        return database;
    }

    HikariDataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        admin("drop database if exists " + name + " with (force)");
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USERNAME, "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("These tests need PostgreSQL at " + ADMIN_URL + " as user " + USERNAME
                    + " (set DOTGIT_TEST_POSTGRES_URL, or start it with 'pg_ctlcluster 15 main start'): "
                    + e.getMessage(), e);
        }
    }
}
