package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.domain.deployment.DeploymentStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * v3's words for deployment states (CONTRACT §1, C8): {@code queued, running, live, failed,
 * cancelled}. {@code running} covers two domain states (building and deploying), so a
 * {@code status=running} filter asks for both.
 */
enum V3DeploymentStatus {
    QUEUED("queued", EnumSet.of(DeploymentStatus.QUEUED)),
    RUNNING("running", EnumSet.of(DeploymentStatus.BUILDING, DeploymentStatus.DEPLOYING)),
    LIVE("live", EnumSet.of(DeploymentStatus.SUCCEEDED)),
    FAILED("failed", EnumSet.of(DeploymentStatus.FAILED)),
    CANCELLED("cancelled", EnumSet.of(DeploymentStatus.CANCELLED));

    private final String word;
    private final Set<DeploymentStatus> domain;

    V3DeploymentStatus(String word, Set<DeploymentStatus> domain) {
        this.word = word;
        this.domain = domain;
    }

    /** Exhaustive over the domain's states: a new state does not compile until v3 names it. */
    static String wordFor(DeploymentStatus status) {
        return switch (status) {
            case QUEUED -> QUEUED.word;
            case BUILDING, DEPLOYING -> RUNNING.word;
            case SUCCEEDED -> LIVE.word;
            case FAILED -> FAILED.word;
            case CANCELLED -> CANCELLED.word;
        };
    }

    /** The domain states a filter word stands for. */
    static Optional<Set<DeploymentStatus>> fromWord(String word) {
        for (V3DeploymentStatus status : values()) {
            if (status.word.equals(word)) {
                return Optional.of(status.domain);
            }
        }
        return Optional.empty();
    }

    static List<String> words() {
        return List.of(QUEUED.word, RUNNING.word, LIVE.word, FAILED.word, CANCELLED.word);
    }
}
