package dev.dotgit.adapter.process;

import dev.dotgit.application.port.out.build.BuildOutput;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Passes lines on until closed, and none after: once {@code run} has returned, the build's
 * log is the pipeline's again, even if a reader thread is still stuck on a stream that a
 * process outside the build's reach holds open. Both streams deliver side by side (shared
 * lock); closing waits for a delivery in progress and then shuts the gate (exclusive lock).
 */
final class GatedOutput {

    private final BuildOutput output;
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean open = true;

    GatedOutput(BuildOutput output) {
        this.output = output;
    }

    void stdout(String line) {
        gate.readLock().lock();
        try {
            if (open) {
                output.stdout(line);
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    void stderr(String line) {
        gate.readLock().lock();
        try {
            if (open) {
                output.stderr(line);
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    void close() {
        gate.writeLock().lock();
        try {
            open = false;
        } finally {
            gate.writeLock().unlock();
        }
    }
}
