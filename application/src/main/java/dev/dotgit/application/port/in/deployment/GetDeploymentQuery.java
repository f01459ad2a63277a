package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;

public interface GetDeploymentQuery {

    Deployment get(Caller caller, String deploymentId);
}
