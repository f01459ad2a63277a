package dev.dotgit.domain.error;

import java.util.Map;

/** An archived project keeps its history but takes no new deployments. */
public final class ProjectArchived extends DomainError {

    private final String projectId;

    public ProjectArchived(String projectId) {
        super("Project '" + projectId + "' is archived and does not accept new deployments.");
        this.projectId = projectId;
    }

    @Override
    public String code() {
        return "project_archived";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("project_id", projectId);
    }
}
