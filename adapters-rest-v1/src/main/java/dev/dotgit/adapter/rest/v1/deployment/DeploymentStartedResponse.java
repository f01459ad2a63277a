package dev.dotgit.adapter.rest.v1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Reply of {@code POST /v1/projects/{id}/deployments} (seed 001): {@code url} is the API url of
 * the deployment and {@code started_at} the moment this request started it (its creation).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentStartedResponse(String id, String status, String url, String startedAt) {
}
