package dev.dotgit.application.port.out.build;

import java.time.Duration;

/** How a build process ended. */
public sealed interface BuildOutcome {

    record Exited(int exitCode) implements BuildOutcome {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Killed, with its whole process tree, after the timeout. */
    record TimedOut(Duration after) implements BuildOutcome {
    }

    /** Killed, with its whole process tree, because the deployment was cancelled. */
    record Cancelled() implements BuildOutcome {
    }

    /** The process could not be started at all. */
    record FailedToStart(String reason) implements BuildOutcome {
    }
}
