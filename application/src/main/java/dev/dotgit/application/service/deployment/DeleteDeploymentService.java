package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.error.DeploymentInUse;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;

/**
 * How a delete racing the pipeline ends: the delete removes the row only at the version it
 * checked. If the pipeline made the deployment live in between, the delete matches nothing,
 * re-reads, and refuses with {@code deployment_in_use}; if the delete commits first, the
 * pipeline's next write finds no row and the pipeline discards its work.
 */
public final class DeleteDeploymentService implements DeleteDeploymentUseCase {

    private final RunInTransactionPort transactions;
    private final VisibleObjects visible;
    private final LoadDeploymentPort deployments;
    private final DeleteDeploymentPort deleteDeployments;
    private final LoadProjectPort projects;
    private final SiteStoragePort sites;
    private final ActivePipelines activePipelines;
    private final WebhookEvents webhookEvents;
    private final Clock clock;

    public DeleteDeploymentService(RunInTransactionPort transactions, VisibleObjects visible,
                                   LoadDeploymentPort deployments, DeleteDeploymentPort deleteDeployments,
                                   LoadProjectPort projects, SiteStoragePort sites, ActivePipelines activePipelines,
                                   WebhookEvents webhookEvents, Clock clock) {
        this.transactions = transactions;
        this.visible = visible;
        this.deployments = deployments;
        this.deleteDeployments = deleteDeployments;
        this.projects = projects;
        this.sites = sites;
        this.activePipelines = activePipelines;
        this.webhookEvents = webhookEvents;
        this.clock = clock;
    }

    @Override
    public void delete(Caller caller, String deploymentId) {
        caller.require(Scope.ADMIN);
        Deployment target = visible.deployment(caller, deploymentId);
        DeploymentUpdates.retryOnConflict(transactions, () -> {
            Deployment current = deployments.findById(target.id())
                    .orElseThrow(() -> new NotFound("deployment", deploymentId));
            boolean live = projects.findById(current.account(), current.project())
                    .map(p -> p.isLiveInProduction(current.id())).orElse(false);
            if (live) {
                throw new DeploymentInUse(current.id().value(), current.project().value());
            }
            if (!current.status().isFinal()) {
                // CONTRACT §1: an active deployment is cancelled first. The row goes away with this
                // transaction, but subscribers still hear "cancelled", recorded in the same commit
                // (events do not reference the row, so they outlive it).
                webhookEvents.deploymentEntered(current.cancel(Timestamps.now(clock), caller.principal()));
            }
            deleteDeployments.delete(current);
            return null;
        });
        // Committed: the site already answers 404 (hosting looks the deployment up first);
        // stop a build still running here and free the files.
        activePipelines.cancel(target.id());
        sites.delete(target.id());
    }
}
