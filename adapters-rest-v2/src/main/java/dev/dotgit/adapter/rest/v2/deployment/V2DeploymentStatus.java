package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.domain.deployment.DeploymentStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * v2's words for deployment states (CONTRACT C8): a deployment that went live is {@code live}.
 * Used both ways: to show a status and to read the {@code status} filter of the list.
 */
public enum V2DeploymentStatus {
    QUEUED("queued", DeploymentStatus.QUEUED),
    BUILDING("building", DeploymentStatus.BUILDING),
    DEPLOYING("deploying", DeploymentStatus.DEPLOYING),
    LIVE("live", DeploymentStatus.SUCCEEDED),
    FAILED("failed", DeploymentStatus.FAILED),
    CANCELLED("cancelled", DeploymentStatus.CANCELLED);

    private final String word;
    private final DeploymentStatus domain;

    V2DeploymentStatus(String word, DeploymentStatus domain) {
        this.word = word;
        this.domain = domain;
    }

    /** Exhaustive over the domain's states: a new state does not compile until v2 names it. */
    public static String wordFor(DeploymentStatus status) {
        return switch (status) {
            case QUEUED -> QUEUED.word;
            case BUILDING -> BUILDING.word;
            case DEPLOYING -> DEPLOYING.word;
            case SUCCEEDED -> LIVE.word;
            case FAILED -> FAILED.word;
            case CANCELLED -> CANCELLED.word;
        };
    }

    static Optional<DeploymentStatus> fromWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).map(s -> s.domain).findFirst();
    }

    static List<String> words() {
        return Arrays.stream(values()).map(s -> s.word).toList();
    }
}
