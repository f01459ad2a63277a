package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.error.DeploymentInUse;
import dev.dotgit.domain.error.NotFound;

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

    public DeleteDeploymentService(RunInTransactionPort transactions, VisibleObjects visible,
                                   LoadDeploymentPort deployments, DeleteDeploymentPort deleteDeployments,
                                   LoadProjectPort projects, SiteStoragePort sites, ActivePipelines activePipelines) {
        this.transactions = transactions;
        this.visible = visible;
        this.deployments = deployments;
        this.deleteDeployments = deleteDeployments;
        this.projects = projects;
        this.sites = sites;
        this.activePipelines = activePipelines;
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
            deleteDeployments.delete(current);
            return null;
        });
        // Committed: the site already answers 404 (hosting looks the deployment up first);
        // stop a build still running here and free the files.
        activePipelines.cancel(target.id());
        sites.delete(target.id());
    }
}
