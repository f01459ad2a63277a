package dev.dotgit.adapter.rest.v3.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** {@code GET /v3/deployments/{id}/logs} (seed 000), with v3's unified pagination. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeploymentLogsResponse(String deploymentId, String status, List<LogLineItem> logs, String sseEndpoint,
                                     Pagination pagination) {
}
