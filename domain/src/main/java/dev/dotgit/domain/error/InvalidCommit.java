package dev.dotgit.domain.error;

import java.util.Map;

/** The project's repository has no commit with that hash. */
public final class InvalidCommit extends DomainError {

    private final String projectId;

    public InvalidCommit(String projectId, String commit) {
        super("Commit '" + Sanitized.value(commit) + "' does not exist in repository");
        this.projectId = projectId;
    }

    @Override
    public String code() {
        return "invalid_commit";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BAD_REQUEST;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("project_id", projectId);
    }
}
