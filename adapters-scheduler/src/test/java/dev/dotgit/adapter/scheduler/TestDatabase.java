package dev.dotgit.adapter.scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database of its own for one test class, which every node of that class shares. */
interface TestDatabase {

    String jdbcUrl();

    String username();

    String password();

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }
}
