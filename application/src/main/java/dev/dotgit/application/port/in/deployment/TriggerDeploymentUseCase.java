package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;

/**
 * Resolves the branch (and commit) in the project's repository, stores the deployment as
 * {@code queued} and schedules its pipeline in the same transaction. The reply shows the
 * deployment as created; the pipeline starts after the commit.
 */
public interface TriggerDeploymentUseCase {

    Deployment trigger(Caller caller, TriggerDeploymentCommand command);
}
