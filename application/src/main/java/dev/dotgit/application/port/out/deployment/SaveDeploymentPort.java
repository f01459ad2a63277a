package dev.dotgit.application.port.out.deployment;

import dev.dotgit.domain.deployment.Deployment;

public interface SaveDeploymentPort {

    Deployment insert(Deployment deployment);

    /**
     * Writes the new state if storage still holds {@code deployment.version()}; returns it at
     * the next version.
     *
     * @throws dev.dotgit.domain.error.ConcurrentModification if another writer got there first
     * @throws dev.dotgit.domain.error.NotFound if the deployment was deleted meanwhile
     */
    Deployment update(Deployment deployment);
}
