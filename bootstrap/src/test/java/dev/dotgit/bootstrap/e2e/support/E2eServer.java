package dev.dotgit.bootstrap.e2e.support;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-process server a test class talks to, registered as a static {@code @RegisterExtension}
 * field. Starting a server costs seconds, so the H2 one is shared by every class of the run
 * (kept in JUnit's root store, stopped when the run ends); each test makes its own projects,
 * with unique names, so tests never depend on one another's objects. The PostgreSQL one gets a
 * fresh database for its class, dropped afterwards.
 */
public final class E2eServer implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(E2eServer.class);

    private final boolean shared;
    private final Deque<AutoCloseable> ownResources = new ArrayDeque<>();
    private InProcessServer server;

    private E2eServer(boolean shared) {
        this.shared = shared;
    }

    /** The one H2 server of this test run. */
    public static E2eServer sharedOnH2() {
        return new E2eServer(true);
    }

    /** A server of the class's own, on a new PostgreSQL database. */
    public static E2eServer onFreshPostgresDatabase() {
        return new E2eServer(false);
    }

    public InProcessServer server() {
        if (server == null) {
            throw new IllegalStateException("the server starts before the class's first test");
        }
        return server;
    }

    public Api api() {
        return server().api();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (shared) {
            server = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent("h2", key -> SharedServer.start(), SharedServer.class).server;
            return;
        }
        try {
            TemporaryDirectory dataDir = TemporaryDirectory.create("dotgit-e2e-pg-");
            ownResources.push(dataDir);
            PostgresDatabase database = PostgresDatabase.create();
            ownResources.push(database);
            server = InProcessServer.start(database.configure(ServerSettings.fresh(dataDir.path())));
            ownResources.push(server);
        } catch (RuntimeException | Error e) {
            closeOwnResources();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        closeOwnResources();
    }

    /** Server first, then its database, then its files; every one even if another fails. */
    private void closeOwnResources() throws Exception {
        Exception first = null;
        while (!ownResources.isEmpty()) {
            try {
                ownResources.pop().close();
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

    /** Closed by JUnit when the root store closes, at the end of the run. */
    private static final class SharedServer implements AutoCloseable {

        private final TemporaryDirectory dataDir;
        private final InProcessServer server;

        private SharedServer(TemporaryDirectory dataDir, InProcessServer server) {
            this.dataDir = dataDir;
            this.server = server;
        }

        static SharedServer start() {
            TemporaryDirectory dataDir = TemporaryDirectory.create("dotgit-e2e-h2-");
            try {
                return new SharedServer(dataDir, InProcessServer.start(ServerSettings.fresh(dataDir.path())));
            } catch (RuntimeException | Error e) {
                try {
                    dataDir.close();
                } catch (Exception cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                dataDir.close();
            }
        }
    }
}
