package dev.dotgit.domain.webhook;

import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What a deployment event says about its deployment, frozen when the event is recorded (in the
 * transaction of the state change), so every attempt and every redelivery sends the same facts
 * even after the deployment changes or is deleted. Holds what every version's envelope needs:
 * the v2 payloads ({@code deployment_id}, {@code project}, {@code url}, {@code duration_ms}) and
 * the v3 deployment object.
 *
 * @param url        the hosted url of the deployment
 * @param durationMs build start to final state, or null while not final (or never started)
 */
public record DeploymentSnapshot(String deploymentId, String projectId, String projectName, String environment,
                                 String branch, String commitSha, DeploymentStatus status, boolean autoRollback,
                                 String url, Instant createdAt, Instant startedAt, Instant completedAt,
                                 String rolledBackTo, Long durationMs) {

    public DeploymentSnapshot {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static DeploymentSnapshot of(Deployment deployment, String projectName, String hostedUrl) {
        return new DeploymentSnapshot(deployment.id().value(), deployment.project().value(), projectName,
                deployment.environment().wireName(), deployment.branch().value(), deployment.commitSha().value(),
                deployment.status(), deployment.autoRollback(), hostedUrl, deployment.createdAt(),
                deployment.startedAt(), deployment.completedAt(),
                deployment.rolledBackTo() == null ? null : deployment.rolledBackTo().value(),
                deployment.buildDuration().map(java.time.Duration::toMillis).orElse(null));
    }
}
