package dev.dotgit.application.port.out.deployment;

import dev.dotgit.domain.deployment.Deployment;

public interface DeleteDeploymentPort {

    /**
     * Removes the deployment and every line of its log, provided storage still holds it at
     * {@code expected.version()}. Nothing happens if it is already gone.
     *
     * @throws dev.dotgit.domain.error.ConcurrentModification if it changed since it was read
     */
    void delete(Deployment expected);
}
