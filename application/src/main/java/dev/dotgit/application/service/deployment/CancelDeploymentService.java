package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.util.List;

public final class CancelDeploymentService implements CancelDeploymentUseCase {

    private final VisibleObjects visible;
    private final DeploymentUpdates updates;
    private final ActivePipelines activePipelines;
    private final Clock clock;

    public CancelDeploymentService(VisibleObjects visible, DeploymentUpdates updates, ActivePipelines activePipelines,
                                   Clock clock) {
        this.visible = visible;
        this.updates = updates;
        this.activePipelines = activePipelines;
        this.clock = clock;
    }

    @Override
    public Deployment cancel(Caller caller, String deploymentId) {
        caller.require(Scope.WRITE);
        Deployment target = visible.deployment(caller, deploymentId);
        Deployment cancelled = updates.apply(target.id(),
                current -> current.cancel(Timestamps.now(clock), caller.principal()),
                saved -> List.of(LogEntry.warn(saved.cancelledAt(), "Deployment cancelled by " + caller.principal())));
        // The state is committed; now stop the build if it runs on this node. A build on
        // another node sees the cancelled state when it next checks and stops itself.
        activePipelines.cancel(target.id());
        return cancelled;
    }
}
