package dev.dotgit.adapter.rest.v2.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One repository of {@code GET /v2/repositories} (seed 002). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepositoryListItem(String id, String name, String fullName, @JsonProperty("private") boolean isPrivate,
                                 String defaultBranch, String createdAt) {
}
