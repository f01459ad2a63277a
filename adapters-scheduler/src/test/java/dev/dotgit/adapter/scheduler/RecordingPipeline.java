package dev.dotgit.adapter.scheduler;

import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import dev.dotgit.domain.deployment.DeploymentId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stands in for the pipeline on one node: records every run as it starts, then does what the
 * test asks (nothing by default; throw, or wait for a latch).
 */
@Singleton
final class RecordingPipeline implements RunDeploymentPipelineUseCase {

    private final List<DeploymentId> runs = new CopyOnWriteArrayList<>();
    private volatile Consumer<DeploymentId> behaviour = deployment -> { };

    @Override
    public void run(DeploymentId deployment) {
        runs.add(deployment);
        behaviour.accept(deployment);
    }

    void behaveAs(Consumer<DeploymentId> behaviour) {
        this.behaviour = behaviour;
    }

    List<DeploymentId> runs() {
        return List.copyOf(runs);
    }

    long runsOf(DeploymentId deployment) {
        return runs.stream().filter(deployment::equals).count();
    }
}
