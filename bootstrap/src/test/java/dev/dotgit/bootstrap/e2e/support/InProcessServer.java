package dev.dotgit.bootstrap.e2e.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real server (every real adapter, wired by bootstrap's factory) running in the test JVM.
 * Closing it stops it as a graceful shutdown would: running builds are stopped with it.
 */
public final class InProcessServer implements AutoCloseable {

    private final ServerSettings settings;
    private final ApplicationContext context;

    private InProcessServer(ServerSettings settings, ApplicationContext context) {
        this.settings = settings;
        this.context = context;
    }

    public static InProcessServer start(ServerSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>(settings.properties());
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        if (server.getPort() != settings.port()) {
            server.getApplicationContext().close();
            throw new IllegalStateException("the server listens on " + server.getPort() + ", not on the port "
                    + settings.port() + " it was given");
        }
        return new InProcessServer(settings, server.getApplicationContext());
    }

    public ServerSettings settings() {
        return settings;
    }

    public Api api() {
        return new Api(settings);
    }

    /** The wiring, for the rare fact a client cannot learn over HTTP (the bootstrap key's id). */
    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
