package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.access.Caller;

public interface ReadDeploymentLogsQuery {

    DeploymentLog read(Caller caller, String deploymentId, LogRange range);
}
