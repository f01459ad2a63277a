package dev.dotgit.domain.error;

import java.util.Map;

/** Only queued, building or deploying deployments can be cancelled; final states never change. */
public final class DeploymentNotCancellable extends DomainError {

    private final String deploymentId;
    private final String status;

    /** @param status the domain status name in lower case, e.g. {@code succeeded} */
    public DeploymentNotCancellable(String deploymentId, String status) {
        super("Deployment '" + deploymentId + "' has already finished and cannot be cancelled.");
        this.deploymentId = deploymentId;
        this.status = status;
    }

    /** The final status the deployment is in, as the domain names it (renderers translate it). */
    public String status() {
        return status;
    }

    @Override
    public String code() {
        return "deployment_not_cancellable";
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
