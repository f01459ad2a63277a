package dev.dotgit.adapter.scheduler;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2IdempotencyKeyPurgeSchedulingTest extends IdempotencyKeyPurgeSchedulingContract {

    private static H2TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = H2TestDatabase.create();
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
