package dev.dotgit.bootstrap.e2e;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The walk-through on the embedded H2 database, the default set-up. */
class H2WalkThroughTest extends WalkThroughScenario {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    @Override
    protected Api api() {
        return SERVER.api();
    }
}
