package dev.dotgit.adapter.rest.v2.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * RFC 6749 §5.2's error response, the token endpoint's own shape: OAuth client libraries read
 * {@code error}, so the v2 envelope would break them. The v2 response filter leaves it as it is.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OAuthErrorBody(String error, String errorDescription) {
}
