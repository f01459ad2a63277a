package dev.dotgit.adapter.rest.v1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Reply of {@code POST /v1/deployments/{id}/cancel}; {@code cancelled_by} is the id of the key that cancelled. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentCancelledResponse(String id, String status, String cancelledBy, String cancelledAt) {
}
