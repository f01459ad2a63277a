package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;

public final class GetDeploymentService implements GetDeploymentQuery {

    private final VisibleObjects visible;

    public GetDeploymentService(VisibleObjects visible) {
        this.visible = visible;
    }

    @Override
    public Deployment get(Caller caller, String deploymentId) {
        caller.require(Scope.READ);
        return visible.deployment(caller, deploymentId);
    }
}
