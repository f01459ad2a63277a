package dev.dotgit.bootstrap.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executor the read-only routes of every API version name ({@code dotgit-reads}), chosen
 * by storage.
 *
 * <p>On the embedded H2 database a read is an in-process lookup (a few microseconds,
 * lock-free under MVCC), cheaper than handing the request to another thread and back, so
 * reads run on the thread the request arrived on. Measured on the benchmark's GET of a
 * deployment: the hand-off was about 3.4 µs of a 26 µs request. What it risks, and why that
 * is accepted for the embedded default: a read that misses H2's page cache waits for the disk
 * on an event loop, and a read that finds the connection pool exhausted waits for a
 * connection there (the pool is larger than the blocking work that holds connections at
 * once). On PostgreSQL every read is a network round trip, so reads are handed to the
 * blocking executor like writes.
 */
@Factory
final class ReadExecutorFactory {

    static final String READS = "dotgit-reads";

    @Singleton
    @Named(READS)
    ExecutorService reads(@Value("${datasources.default.url:}") String databaseUrl,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return isEmbedded(databaseUrl) ? new RunOnCallingThread() : blocking;
    }

    static boolean isEmbedded(String databaseUrl) {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    /** Runs each task at once on the thread that submits it. */
    static final class RunOnCallingThread extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
