package dev.dotgit.bootstrap.e2e.support;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two servers in this JVM over one fresh PostgreSQL database, as two nodes behind a load balancer:
 * each has its own port, data directory and bootstrap key (the second registers its key on the
 * account the first created), and they share every table. Started one after the other, so the
 * migrations run once; stopped and dropped after the class.
 */
public final class TwoNodesOnPostgres implements BeforeAllCallback, AfterAllCallback {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private InProcessServer first;
    private InProcessServer second;

    public Api first() {
        return first.api();
    }

    public Api second() {
        return second.api();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            PostgresDatabase database = PostgresDatabase.create();
            resources.push(database);
            first = start(database, "dotgit-e2e-node1-");
            second = start(database, "dotgit-e2e-node2-");
        } catch (RuntimeException | Error e) {
            afterAll(context);
            throw e;
        }
    }

    private InProcessServer start(PostgresDatabase database, String prefix) {
        TemporaryDirectory dataDir = TemporaryDirectory.create(prefix);
        resources.push(dataDir);
        InProcessServer server = InProcessServer.start(database.configure(ServerSettings.fresh(dataDir.path())));
        resources.push(server);
        return server;
    }

    /** Servers first, then their directories, then the database; every one even if another fails. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
