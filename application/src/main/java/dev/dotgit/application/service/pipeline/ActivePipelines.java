package dev.dotgit.application.service.pipeline;

import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.domain.deployment.DeploymentId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The pipelines running on this node, so that a cancel or delete handled here can stop its
 * build at once instead of waiting for the pipeline's next look at the database.
 */
public final class ActivePipelines {

    private final ConcurrentMap<DeploymentId, BuildCancellation> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    BuildCancellation register(DeploymentId deployment) {
        return running.computeIfAbsent(deployment, id -> new BuildCancellation());
    }

    void unregister(DeploymentId deployment) {
        running.remove(deployment);
    }

    /** Stops the deployment's build if it runs on this node; otherwise nothing happens. */
    public void cancel(DeploymentId deployment) {
        BuildCancellation cancellation = running.get(deployment);
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    /**
     * The node is stopping: every build running here is stopped, and its pipeline fails the
     * deployment with that reason instead of leaving it active for the next start to find.
     */
    public void stopAll() {
        shuttingDown = true;
        running.values().forEach(BuildCancellation::cancel);
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Whether the deployment's pipeline is running on this node (for operators and tests). */
    public boolean isRunning(DeploymentId deployment) {
        return running.containsKey(deployment);
    }

    public int count() {
        return running.size();
    }
}
