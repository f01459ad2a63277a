package dev.dotgit.adapter.rest.v2.http;

import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import dev.dotgit.domain.repository.RepositoryStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * How v2 writes domain values. The v2 MapStruct mappers extend this interface, so MapStruct
 * applies these conversions by type wherever a response field needs one.
 */
public interface V2WireValues {

    /** UTC, ISO-8601 with {@code Z}, whole seconds: {@code 2025-01-20T14:30:00Z}. */
    default String timestamp(Instant instant) {
        return WireTime.format(instant);
    }

    default String deploymentId(DeploymentId id) {
        return id == null ? null : id.value();
    }

    default String projectId(ProjectId id) {
        return id == null ? null : id.value();
    }

    default String repositoryId(RepositoryId id) {
        return id == null ? null : id.value();
    }

    default String name(RepositoryName name) {
        return name == null ? null : name.value();
    }

    default String branch(BranchName branch) {
        return branch == null ? null : branch.value();
    }

    default String commitSha(CommitSha sha) {
        return sha == null ? null : sha.value();
    }

    default String environment(Environment environment) {
        return environment == null ? null : environment.wireName();
    }

    default String strategy(Strategy strategy) {
        return strategy == null ? null : strategy.wireName();
    }

    default String repositoryStatus(RepositoryStatus status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    default String level(LogLevel level) {
        return level == null ? null : level.wireName();
    }
}
