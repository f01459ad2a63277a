package dev.dotgit.adapter.rest.v3.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A key as {@code POST /v3/api-keys} shows it: the only answer that ever carries {@code secret}.
 * {@code project_ids} and {@code environments} are empty when the key is not restricted.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyResponse(String id, String name, String secret, String prefix, String lastFour,
                             List<String> scopes, List<String> projectIds, List<String> environments,
                             String expiresAt, String createdAt) {
}
