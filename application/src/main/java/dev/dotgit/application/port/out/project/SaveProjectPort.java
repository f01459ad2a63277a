package dev.dotgit.application.port.out.project;

import dev.dotgit.domain.project.Project;

public interface SaveProjectPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if the account has a project of that name (any case) */
    Project insert(Project project);

    /** @throws dev.dotgit.domain.error.ConcurrentModification if the stored version is not {@code project.version()} */
    Project update(Project project);
}
