package dev.dotgit.application.port.out.scheduling;

import dev.dotgit.domain.deployment.DeploymentId;

/**
 * Durable scheduling of deployment pipelines. Scheduling joins the caller's transaction: if
 * the deployment's insert rolls back, no job exists; once committed, the job runs at least
 * once even if this node dies right after the commit.
 */
public interface SchedulePipelinePort {

    void schedule(DeploymentId deployment);
}
