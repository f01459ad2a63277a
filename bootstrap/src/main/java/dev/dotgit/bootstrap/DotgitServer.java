package dev.dotgit.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

/** Starts the server. Its own settings are checked before anything starts, so a typo costs one clear line. */
public final class DotgitServer {

    private DotgitServer() {
    }

    public static void main(String[] args) {
        try (ApplicationContext preflight = ApplicationContext.builder().args(args).build()) {
            Environment environment = preflight.getEnvironment();
            environment.start();
            DotgitConfiguration.from(environment);
        } catch (InvalidConfiguration e) {
            System.err.println("dotgit: invalid configuration: " + e.getMessage());
            System.exit(2);
        }
        Micronaut.build(args).mainClass(DotgitServer.class).banner(false).start();
    }
}
