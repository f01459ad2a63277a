package dev.dotgit.domain.deployment;

import java.time.Instant;
import java.util.Objects;

/**
 * A line about to be written to a deployment's log; storage gives it its sequence number.
 * Over-long lines are cut so that one runaway build cannot fill the database with a line.
 */
public record LogEntry(Instant timestamp, LogLevel level, String message) {

    public static final int MAX_MESSAGE_LENGTH = 8 * 1024;

    public LogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        message = message.replace('\0', '?');
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + " [line truncated]";
        }
    }

    public static LogEntry info(Instant at, String message) {
        return new LogEntry(at, LogLevel.INFO, message);
    }

    public static LogEntry warn(Instant at, String message) {
        return new LogEntry(at, LogLevel.WARN, message);
    }

    public static LogEntry error(Instant at, String message) {
        return new LogEntry(at, LogLevel.ERROR, message);
    }
}
