package dev.dotgit.adapter.rest.v2.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A repository as {@code POST /v2/repositories} and {@code GET /v2/repositories/{id}} show it. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepositoryResponse(String id, String name, String fullName, @JsonProperty("private") boolean isPrivate,
                                 String defaultBranch, String description, String status, String cloneUrl,
                                 String createdAt) {
}
