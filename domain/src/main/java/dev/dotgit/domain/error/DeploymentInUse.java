package dev.dotgit.domain.error;

import java.util.Map;

/** The deployment serves the project's production traffic; deleting it would take the site down. */
public final class DeploymentInUse extends DomainError {

    private final String deploymentId;

    public DeploymentInUse(String deploymentId, String projectId) {
        super("Deployment '" + deploymentId + "' is live in production for project '" + projectId
                + "' and cannot be deleted; deploy another version first.");
        this.deploymentId = deploymentId;
    }

    @Override
    public String code() {
        return "deployment_in_use";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("deployment_id", deploymentId);
    }
}
