package dev.dotgit.application.port.out.deployment;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.RepositoryId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which deployments of an account to list. Restriction sets come from the caller's key and
 * are intersected with the filters; an empty set means "no restriction".
 */
public record DeploymentQuery(AccountSlug account, Optional<ProjectId> project, Optional<RepositoryId> repository,
                              Set<DeploymentStatus> statuses, Optional<Environment> environment,
                              Set<ProjectId> onlyProjects, Set<Environment> onlyEnvironments) {

    public DeploymentQuery {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(environment, "environment");
        statuses = Set.copyOf(statuses);
        onlyProjects = Set.copyOf(onlyProjects);
        onlyEnvironments = Set.copyOf(onlyEnvironments);
    }

    public static DeploymentQuery allOf(AccountSlug account) {
        return new DeploymentQuery(account, Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Set.of(),
                Set.of());
    }
}
