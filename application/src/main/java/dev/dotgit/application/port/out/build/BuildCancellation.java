package dev.dotgit.application.port.out.build;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-way switch a pipeline hands to its build: once cancelled it stays cancelled, and
 * every listener (registered before or after) runs exactly once.
 */
public final class BuildCancellation {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        listeners.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code listener} when cancelled, at once if that already happened. */
    public void onCancel(Runnable listener) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                listeners.add(listener);
            }
        }
        if (runNow) {
            listener.run();
        }
    }
}
