package dev.dotgit.application.port.out.project;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.RepositoryId;
import java.util.Optional;

public interface LoadProjectPort {

    Optional<Project> findById(AccountSlug account, ProjectId id);

    /** Names are unique per account regardless of letter case. */
    Optional<Project> findByName(AccountSlug account, String name);

    /** The project a repository was created with (the oldest connected one). */
    Optional<Project> findByRepository(AccountSlug account, RepositoryId repository);

    /**
     * Across all accounts, the oldest project whose {@link Project#siteLabel()} is {@code label}:
     * the owner of the site alias {@code http://<label>.<hosting-domain>}.
     */
    Optional<Project> findSiteAliasOwner(String label);

    Optional<ProjectOverview> findOverview(AccountSlug account, ProjectId id);

    /** Newest first; "building" is computed from active deployments, and filterable. */
    Page<ProjectOverview> list(ProjectFilter filter, PageRequest page);
}
