package dev.dotgit.application.port.out.project;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ReportedProjectStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * @param onlyProjects the projects a restricted key may see; empty means all of the account's
 */
public record ProjectFilter(AccountSlug account, Set<ProjectId> onlyProjects, Optional<ReportedProjectStatus> status) {

    public ProjectFilter {
        Objects.requireNonNull(account, "account");
        onlyProjects = Set.copyOf(onlyProjects);
        Objects.requireNonNull(status, "status");
    }
}
