package dev.dotgit.adapter.rest.v1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Reply of {@code POST /v1/deployments} (seed 004): {@code url} is the hosted url of the deployment. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentCreatedResponse(String id, String status, String projectId, String branch, String commitSha,
                                        String createdAt, String url) {
}
