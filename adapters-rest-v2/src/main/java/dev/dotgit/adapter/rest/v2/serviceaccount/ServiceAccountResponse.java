package dev.dotgit.adapter.rest.v2.serviceaccount;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A v2 service account as listed: its public client id, never its secret. {@code project_ids}
 * is empty when its tokens reach every project.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceAccountResponse(String id, String name, List<String> scopes, List<String> projectIds,
                                     String clientId, String createdAt) {
}
