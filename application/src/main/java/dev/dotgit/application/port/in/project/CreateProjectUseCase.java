package dev.dotgit.application.port.in.project;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.ProjectOverview;

/**
 * Creates a project. Without a repository id it also creates the repository of the same
 * name (with its initial commit), so the project is deployable at once.
 */
public interface CreateProjectUseCase {

    ProjectOverview create(Caller caller, CreateProjectCommand command);
}
