package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.access.Caller;

/**
 * Removes a deployment and its logs for good, cancelling it first if it is active. The
 * deployment serving production is refused, so nothing live is lost by accident. Its site
 * stops answering at once.
 */
public interface DeleteDeploymentUseCase {

    void delete(Caller caller, String deploymentId);
}
