package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records scheduled pipelines instead of running them; tests run them when they choose. */
public final class RecordingPipelineScheduler implements SchedulePipelinePort {

    private final List<DeploymentId> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(DeploymentId deployment) {
        scheduled.add(deployment);
    }

    public List<DeploymentId> scheduled() {
        return List.copyOf(scheduled);
    }
}
