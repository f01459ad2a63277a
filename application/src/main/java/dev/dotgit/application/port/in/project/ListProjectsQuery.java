package dev.dotgit.application.port.in.project;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
import java.util.Optional;

/** The caller's projects, newest first. */
public interface ListProjectsQuery {

    Page<ProjectOverview> list(Caller caller, Optional<ReportedProjectStatus> status, PageRequest page);
}
