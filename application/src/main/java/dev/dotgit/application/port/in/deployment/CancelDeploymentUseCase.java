package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;

/**
 * Cancels a queued, building or deploying deployment; a running build's whole process tree
 * is killed. A cancel racing the pipeline's completion ends in exactly one final state: the
 * first to commit wins, and the loser sees the winner's state (a cancel that loses is told
 * the deployment is no longer cancellable).
 */
public interface CancelDeploymentUseCase {

    Deployment cancel(Caller caller, String deploymentId);
}
