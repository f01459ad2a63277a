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

    public int count() {
        return running.size();
    }
}
