package dev.dotgit.adapter.rest.v3.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A project in {@code GET /v3/projects} (seed 000): the first five fields of the full project. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectListItem(String id, String name, String status, String createdAt, String lastDeploy) {
}
