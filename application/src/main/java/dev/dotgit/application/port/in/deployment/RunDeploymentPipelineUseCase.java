package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.deployment.DeploymentId;

/**
 * Executes a deployment's pipeline: checkout, build, publish, go live. Driven by the durable
 * job scheduler, at least once per deployment: a second run (after a node died mid-build)
 * finds the deployment past {@code queued} and marks it failed with the reason, so no
 * deployment stays active forever.
 */
public interface RunDeploymentPipelineUseCase {

    void run(DeploymentId deployment);
}
