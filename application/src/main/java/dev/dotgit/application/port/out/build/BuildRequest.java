package dev.dotgit.application.port.out.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A build command to run with {@code /bin/sh -c} in {@code workingDirectory}.
 *
 * @param environment the complete environment of the process: nothing of the server's own
 *                    environment is inherited
 */
public record BuildRequest(Path workingDirectory, String command, Map<String, String> environment,
                           Duration timeout) {

    public BuildRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(command, "command");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
    }
}
