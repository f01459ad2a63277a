package dev.dotgit.domain.project;

import java.util.Objects;

/**
 * A project together with what its deployments say about it right now.
 *
 * @param building whether one of its deployments is queued, building or deploying
 */
public record ProjectOverview(Project project, boolean building) {

    public ProjectOverview {
        Objects.requireNonNull(project, "project");
    }

    public ReportedProjectStatus reportedStatus() {
        if (project.status() == ProjectStatus.ARCHIVED) {
            return ReportedProjectStatus.ARCHIVED;
        }
        return building ? ReportedProjectStatus.BUILDING : ReportedProjectStatus.ACTIVE;
    }
}
