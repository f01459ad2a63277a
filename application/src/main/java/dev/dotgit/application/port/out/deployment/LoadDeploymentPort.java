package dev.dotgit.application.port.out.deployment;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.RepositoryId;
import java.util.Optional;
import java.util.Set;

public interface LoadDeploymentPort {

    /** By id alone: for the pipeline and the hosting of sites, which act for no caller. */
    Optional<Deployment> findById(DeploymentId id);

    /** Newest first (created_at desc, id desc). */
    Page<Deployment> list(DeploymentQuery query, PageRequest page);

    /**
     * For each branch of the repository, its newest preview deployment (by created_at, then
     * id), whatever its status; those newest first. Deployments of other accounts never show.
     *
     * @param onlyProjects consider only deployments of these projects; empty means all
     */
    Page<Deployment> listNewestPreviewPerBranch(AccountSlug account, RepositoryId repository,
                                                Set<ProjectId> onlyProjects, PageRequest page);
}
