package dev.dotgit.adapter.rest.v2.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Reply of {@code POST /v2/deployments} (seed 002): the deployment as created, {@code url} its hosted url. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentCreatedResponse(String id, String status, String url, String createdAt, int progress) {
}
