package dev.dotgit.adapter.rest.v1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Paging of v1's offset lists (deployments, log lines), with the total of the whole list. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OffsetMeta(long total, int limit, long offset) {
}
