package dev.dotgit.adapter.rest.v2.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** v2's times: UTC, ISO-8601 with {@code Z}, whole seconds ({@code 2025-01-20T14:30:00Z}). */
public final class WireTime {

    private WireTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
