package dev.dotgit.domain.error;

import java.util.Map;

/** The project's repository has no branch of that name. */
public final class InvalidBranch extends DomainError {

    private final String projectId;
    private final String branch;

    public InvalidBranch(String projectId, String branch) {
        super("Branch '" + Sanitized.value(branch) + "' does not exist in repository");
        this.projectId = projectId;
        this.branch = Sanitized.value(branch);
    }

    public String branch() {
        return branch;
    }

    @Override
    public String code() {
        return "invalid_branch";
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
