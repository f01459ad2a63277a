package dev.dotgit.application.port.out.repository;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.project.ProjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * @param isPrivate    only private (true) or only public (false) repositories; empty for both
 * @param onlyProjects a restricted key sees only the repositories of these projects; empty means all
 */
public record RepositoryFilter(AccountSlug owner, Optional<Boolean> isPrivate, Set<ProjectId> onlyProjects) {

    public RepositoryFilter {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(isPrivate, "isPrivate");
        onlyProjects = Set.copyOf(onlyProjects);
    }
}
