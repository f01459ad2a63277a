package dev.dotgit.application.service.project;

import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.project.ProjectOverview;

public final class GetProjectService implements GetProjectQuery {

    private final VisibleObjects visible;

    public GetProjectService(VisibleObjects visible) {
        this.visible = visible;
    }

    @Override
    public ProjectOverview get(Caller caller, String projectId) {
        caller.require(Scope.READ);
        return visible.projectOverview(caller, projectId);
    }
}
