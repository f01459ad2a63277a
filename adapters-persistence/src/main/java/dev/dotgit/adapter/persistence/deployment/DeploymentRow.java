package dev.dotgit.adapter.persistence.deployment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code deployments}. The log counter ({@code log_count}) is deliberately not a
 * property: only the log adapter touches it, with its own statements, so writing a
 * deployment can never overwrite a count raised concurrently by a log append.
 */
@MappedEntity("deployments")
record DeploymentRow(@Id String id, String account, String projectId, String repositoryId, String branch,
                     String commitSha, String environment, String strategy, boolean autoRollback,
                     @Nullable String envVars, String status, int progress, Instant createdAt,
                     @Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable String cancelledBy,
                     @Nullable Instant cancelledAt, @Nullable String failureReason, @Nullable String rolledBackTo,
                     long version) {
}
