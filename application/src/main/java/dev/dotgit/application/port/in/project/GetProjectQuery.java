package dev.dotgit.application.port.in.project;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.ProjectOverview;

public interface GetProjectQuery {

    /** @param projectId as the caller sent it; a malformed or foreign id is simply not found */
    ProjectOverview get(Caller caller, String projectId);
}
