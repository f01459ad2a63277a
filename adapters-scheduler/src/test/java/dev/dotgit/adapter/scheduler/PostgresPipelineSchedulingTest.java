package dev.dotgit.adapter.scheduler;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresPipelineSchedulingTest extends PipelineSchedulingContract {

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
