package dev.dotgit.adapter.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * bucket4j's time, read from the server's {@link Clock}: wall-clock time, because buckets shared
 * through the database are refilled by whichever node touches them, so every node must measure
 * on one time line (nodes are expected to keep their clocks in sync, as NTP does).
 */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
