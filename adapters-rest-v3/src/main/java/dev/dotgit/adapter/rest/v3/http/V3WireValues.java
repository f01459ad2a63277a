package dev.dotgit.adapter.rest.v3.http;

import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How v3 writes domain values, for the v3 MapStruct mappers (which extend this interface, so
 * MapStruct applies these conversions by type wherever a response field needs one).
 */
public interface V3WireValues {

    /** UTC, ISO-8601 with {@code Z}, whole seconds: {@code 2025-03-14T10:32:00Z}. */
    default String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
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

    default String apiKeyId(ApiKeyId id) {
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

    default String scope(Scope scope) {
        return scope == null ? null : scope.wireName();
    }

    default String level(LogLevel level) {
        return level == null ? null : level.wireName();
    }
}
