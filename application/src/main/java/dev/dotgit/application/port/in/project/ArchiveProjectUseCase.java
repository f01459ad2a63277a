package dev.dotgit.application.port.in.project;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.ProjectOverview;

/**
 * Archives a project (needs deploy:admin). An archived project keeps its deployments and
 * sites but refuses new deployments. Archiving an archived project changes nothing and
 * answers the project as it is, so a retried request is harmless.
 */
public interface ArchiveProjectUseCase {

    /** @param projectId as the caller sent it; a malformed or foreign id is simply not found */
    ProjectOverview archive(Caller caller, String projectId);
}
