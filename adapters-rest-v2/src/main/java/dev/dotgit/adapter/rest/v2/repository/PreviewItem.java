package dev.dotgit.adapter.rest.v2.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One branch's newest preview deployment (v2.4.0 "preview endpoints"); {@code url} is its hosted url. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreviewItem(String branch, String deploymentId, String status, String url, String createdAt) {
}
