package dev.dotgit.adapter.rest.v1.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A project as {@code POST /v1/projects} and {@code GET /v1/projects/{id}} show it. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectResponse(String id, String name, String framework, String createdAt, String repoId,
                              String buildCommand, String outputDirectory) {
}
