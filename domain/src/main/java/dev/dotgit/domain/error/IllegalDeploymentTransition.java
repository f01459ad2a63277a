package dev.dotgit.domain.error;

import java.util.Map;

/** A state change the deployment state machine does not allow (e.g. anything out of a final state). */
public final class IllegalDeploymentTransition extends DomainError {

    private final String from;
    private final String to;

    public IllegalDeploymentTransition(String deploymentId, String from, String to) {
        super("Deployment '" + deploymentId + "' cannot move from " + from + " to " + to + ".");
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    @Override
    public String code() {
        return "invalid_state_transition";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("from", from, "to", to);
    }
}
