package dev.dotgit.application.service.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * @param buildTimeout           how long a build command may run before its process tree is killed
 * @param cancellationCheckEvery how often a running pipeline looks for a cancel or delete made on another node
 * @param logFlushEvery          how long build output may wait in memory before it is written to the log
 * @param maxBuildOutputLines    output lines kept per build; later lines are counted but dropped
 */
public record PipelineSettings(Duration buildTimeout, Duration cancellationCheckEvery, Duration logFlushEvery,
                               int maxBuildOutputLines) {

    public static final PipelineSettings DEFAULTS =
            new PipelineSettings(Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMillis(250), 20_000);

    public PipelineSettings {
        Objects.requireNonNull(buildTimeout, "buildTimeout");
        Objects.requireNonNull(cancellationCheckEvery, "cancellationCheckEvery");
        Objects.requireNonNull(logFlushEvery, "logFlushEvery");
        if (buildTimeout.isNegative() || buildTimeout.isZero()) {
            throw new IllegalArgumentException("build timeout must be positive");
        }
        if (maxBuildOutputLines < 1) {
            throw new IllegalArgumentException("maxBuildOutputLines must be positive");
        }
    }
}
