package dev.dotgit.adapter.persistence.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code projects}; {@code nameKey} is the lower-cased name the unique index is on,
 * {@code siteLabel} the project's host label (the production alias is looked up by it).
 */
@MappedEntity("projects")
record ProjectRow(@Id String id, String account, String name, String nameKey, String siteLabel,
                  @Nullable String framework,
                  String repositoryId, @Nullable String buildCommand, @Nullable String outputDirectory,
                  String status, Instant createdAt, @Nullable Instant lastDeployAt,
                  @Nullable String liveProductionDeployment, long version) {
}
