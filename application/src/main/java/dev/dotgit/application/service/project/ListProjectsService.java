package dev.dotgit.application.service.project;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.ListProjectsQuery;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.ProjectFilter;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
import java.util.Optional;

public final class ListProjectsService implements ListProjectsQuery {

    private final LoadProjectPort projects;

    public ListProjectsService(LoadProjectPort projects) {
        this.projects = projects;
    }

    @Override
    public Page<ProjectOverview> list(Caller caller, Optional<ReportedProjectStatus> status, PageRequest page) {
        caller.require(Scope.READ);
        return projects.list(new ProjectFilter(caller.account(), caller.projects(), status), page);
    }
}
