package dev.dotgit.adapter.rest.v2.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The {@code pagination} object of every v2 list (seed 002). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Pagination(String nextCursor, boolean hasMore) {
}
