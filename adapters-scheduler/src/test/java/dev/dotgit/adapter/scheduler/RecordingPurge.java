package dev.dotgit.adapter.scheduler;

import dev.dotgit.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the purge use case on every node of a test: counts runs, and how many ran at
 * the same time across all nodes of the JVM (static, since each node is a context of its own).
 * Each run takes a moment, as a real purge does, so that overlapping runs would be seen.
 */
@Singleton
final class RecordingPurge implements PurgeExpiredIdempotencyKeysUseCase {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

    static void reset() {
        RUNS.set(0);
        RUNNING.set(0);
        MOST_AT_ONCE.set(0);
    }

    @Override
    public long purgeExpired() {
        int now = RUNNING.incrementAndGet();
        MOST_AT_ONCE.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.decrementAndGet();
            RUNS.incrementAndGet();
        }
        return 0;
    }
}
