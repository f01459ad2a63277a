package dev.dotgit.adapter.rest.v1.deployment;

import dev.dotgit.domain.deployment.DeploymentStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * v1's words for deployment states (CONTRACT C8): a deployment that went live is
 * {@code success} in v1 (v2 and v3 say {@code live}). Used both ways: to show a status and to
 * read the {@code status} filter of the deployment list.
 */
enum V1DeploymentStatus {
    QUEUED("queued", DeploymentStatus.QUEUED),
    BUILDING("building", DeploymentStatus.BUILDING),
    DEPLOYING("deploying", DeploymentStatus.DEPLOYING),
    SUCCESS("success", DeploymentStatus.SUCCEEDED),
    FAILED("failed", DeploymentStatus.FAILED),
    CANCELLED("cancelled", DeploymentStatus.CANCELLED);

    private final String word;
    private final DeploymentStatus domain;

    V1DeploymentStatus(String word, DeploymentStatus domain) {
        this.word = word;
        this.domain = domain;
    }

    /** Exhaustive over the domain's states: a new state does not compile until v1 names it. */
    static String wordFor(DeploymentStatus status) {
        return switch (status) {
            case QUEUED -> QUEUED.word;
            case BUILDING -> BUILDING.word;
            case DEPLOYING -> DEPLOYING.word;
            case SUCCEEDED -> SUCCESS.word;
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
