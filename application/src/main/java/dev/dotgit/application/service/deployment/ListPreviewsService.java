package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.ListPreviewsQuery;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.repository.Repository;
import java.util.List;
import java.util.OptionalLong;

public final class ListPreviewsService implements ListPreviewsQuery {

    private final VisibleObjects visible;
    private final LoadDeploymentPort deployments;

    public ListPreviewsService(VisibleObjects visible, LoadDeploymentPort deployments) {
        this.visible = visible;
        this.deployments = deployments;
    }

    @Override
    public Page<Deployment> list(Caller caller, String repositoryId, PageRequest page) {
        caller.require(Scope.READ);
        Repository repository = visible.repository(caller, repositoryId);
        if (!caller.mayAccess(Environment.PREVIEW)) {
            return new Page<>(List.of(), false,
                    page instanceof PageRequest.Offset ? OptionalLong.of(0) : OptionalLong.empty());
        }
        return deployments.listNewestPreviewPerBranch(caller.account(), repository.id(), caller.projects(), page);
    }
}
