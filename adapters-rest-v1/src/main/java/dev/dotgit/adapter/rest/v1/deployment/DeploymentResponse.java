package dev.dotgit.adapter.rest.v1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code GET /v1/deployments/{id}} (seed 004, plus {@code environment} and {@code rolled_back_to}). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentResponse(String id, String status, String projectId, String branch, String commitSha,
                                 String environment, String buildDuration, String deployUrl, String logsUrl,
                                 String createdAt, String completedAt, String rolledBackTo) {
}
