package dev.dotgit.adapter.rest.v3.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The v3 deployment object (CONTRACT §5). {@code url} is the hosted url; {@code rolled_back_to}
 * names the deployment production went back to after this one failed with auto-rollback.
 * Env var values are write-only and never part of it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentResponse(String id, String projectId, String environment, String branch, String commitSha,
                                 String status, boolean autoRollback, String url, String createdAt,
                                 String startedAt, String completedAt, String rolledBackTo) {
}
