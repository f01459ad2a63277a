package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Narrows a deployment list. Ids are as the caller sent them: one that names nothing the
 * caller can see yields an empty list, not an error.
 *
 * @param statuses any of these statuses; empty means all
 */
public record DeploymentListFilter(Optional<String> projectId, Optional<String> repositoryId,
                                   Set<DeploymentStatus> statuses, Optional<Environment> environment) {

    public static final DeploymentListFilter ALL =
            new DeploymentListFilter(Optional.empty(), Optional.empty(), Set.of(), Optional.empty());

    public DeploymentListFilter {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(environment, "environment");
        statuses = Set.copyOf(statuses);
    }
}
