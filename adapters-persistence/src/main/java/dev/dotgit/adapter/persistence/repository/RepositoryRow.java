package dev.dotgit.adapter.persistence.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code repositories}; {@code nameKey} is the lower-cased name the unique index is on. */
@MappedEntity("repositories")
record RepositoryRow(@Id String id, String owner, String name, String nameKey, boolean isPrivate,
                     @Nullable String description, String defaultBranch, String status, Instant createdAt) {
}
