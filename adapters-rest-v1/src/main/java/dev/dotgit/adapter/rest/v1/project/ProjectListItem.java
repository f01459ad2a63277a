package dev.dotgit.adapter.rest.v1.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A project in the list: the first four fields of the full project (seed 001). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectListItem(String id, String name, String framework, String createdAt) {
}
