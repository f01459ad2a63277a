package dev.dotgit.domain.deployment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The deployment state machine. {@code QUEUED → BUILDING → DEPLOYING → SUCCEEDED}; any active
 * state may end {@code CANCELLED} or {@code FAILED}; final states never change.
 */
public enum DeploymentStatus {
    QUEUED,
    BUILDING,
    DEPLOYING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(BUILDING, CANCELLED, FAILED),
            BUILDING, EnumSet.of(DEPLOYING, CANCELLED, FAILED),
            DEPLOYING, EnumSet.of(SUCCEEDED, CANCELLED, FAILED),
            SUCCEEDED, EnumSet.noneOf(DeploymentStatus.class),
            FAILED, EnumSet.noneOf(DeploymentStatus.class),
            CANCELLED, EnumSet.noneOf(DeploymentStatus.class));

    public boolean canMoveTo(DeploymentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    public boolean isActive() {
        return !isFinal();
    }

    public static Set<DeploymentStatus> active() {
        return EnumSet.of(QUEUED, BUILDING, DEPLOYING);
    }
}
