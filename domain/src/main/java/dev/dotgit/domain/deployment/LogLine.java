package dev.dotgit.domain.deployment;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a deployment's log. {@code seq} starts at 1 and increases without gaps, so a
 * reader that has line n can ask for "everything after n" and miss nothing.
 */
public record LogLine(long seq, Instant timestamp, LogLevel level, String message) {

    public LogLine {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        if (seq < 1) {
            throw new IllegalArgumentException("log sequence starts at 1");
        }
    }
}
