package dev.dotgit.bootstrap.e2e;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walk-through on PostgreSQL, on a database created for this class and dropped after it.
 * Without a reachable PostgreSQL the class fails, saying so: it is never skipped.
 */
class PostgresWalkThroughTest extends WalkThroughScenario {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.onFreshPostgresDatabase();

    @Override
    protected Api api() {
        return SERVER.api();
    }
}
