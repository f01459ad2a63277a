package dev.dotgit.adapter.rest.v2.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * A v2 deployment ({@code GET /v2/deployments/{id}}, list items, cancel reply). {@code env} is
 * the environment; env var values are never shown. {@code duration_ms} runs from the start of
 * the build to the final state, null until both are known.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentResponse(String id, String repoId, String projectId, String branch, String commitSha,
                                 String env, String strategy, String status, int progress, String url,
                                 String createdAt, String completedAt, Long durationMs) {
}
