package dev.dotgit.adapter.rest.v3.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** A key in {@code GET /v3/api-keys}: the created key without its secret (only its hash is stored). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyListItem(String id, String name, String prefix, String lastFour, List<String> scopes,
                             List<String> projectIds, List<String> environments, String expiresAt,
                             String createdAt) {
}
