package dev.dotgit.adapter.rest.v3.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A project as {@code POST /v3/projects}, {@code GET /v3/projects/{id}} and the archive route show it. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectResponse(String id, String name, String status, String createdAt, String lastDeploy,
                              String framework, String repoId, String buildCommand, String outputDirectory) {
}
