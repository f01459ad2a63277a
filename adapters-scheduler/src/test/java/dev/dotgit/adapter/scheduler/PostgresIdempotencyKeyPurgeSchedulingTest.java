package dev.dotgit.adapter.scheduler;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresIdempotencyKeyPurgeSchedulingTest extends IdempotencyKeyPurgeSchedulingContract {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.drop();
        }
    }

    @Override
    protected TestDatabase database() {
        return database;
    }
}
