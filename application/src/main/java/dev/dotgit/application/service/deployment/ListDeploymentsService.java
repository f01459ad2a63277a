package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.deployment.DeploymentQuery;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.RepositoryId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public final class ListDeploymentsService implements ListDeploymentsQuery {

    private final LoadDeploymentPort deployments;

    public ListDeploymentsService(LoadDeploymentPort deployments) {
        this.deployments = deployments;
    }

    @Override
    public Page<Deployment> list(Caller caller, DeploymentListFilter filter, PageRequest page) {
        caller.require(Scope.READ);
        Optional<ProjectId> project = filter.projectId().flatMap(ProjectId::parse);
        Optional<RepositoryId> repository = filter.repositoryId().flatMap(RepositoryId::parse);
        boolean filterNamesNothing = (filter.projectId().isPresent() && project.isEmpty())
                || (filter.repositoryId().isPresent() && repository.isEmpty())
                || project.filter(p -> !caller.mayAccess(p)).isPresent()
                || filter.environment().filter(e -> !caller.mayAccess(e)).isPresent();
        if (filterNamesNothing) {
            return new Page<>(List.of(), false,
                    page instanceof PageRequest.Offset ? OptionalLong.of(0) : OptionalLong.empty());
        }
        return deployments.list(new DeploymentQuery(caller.account(), project, repository, filter.statuses(),
                filter.environment(), caller.projects(), caller.environments()), page);
    }
}
