package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;

public final class ReadDeploymentLogsService implements ReadDeploymentLogsQuery {

    private final VisibleObjects visible;
    private final LoadDeploymentLogPort logs;

    public ReadDeploymentLogsService(VisibleObjects visible, LoadDeploymentLogPort logs) {
        this.visible = visible;
        this.logs = logs;
    }

    @Override
    public DeploymentLog read(Caller caller, String deploymentId, LogRange range) {
        caller.require(Scope.READ);
        Deployment deployment = visible.deployment(caller, deploymentId);
        return new DeploymentLog(deployment, logs.read(deployment.id(), range));
    }
}
