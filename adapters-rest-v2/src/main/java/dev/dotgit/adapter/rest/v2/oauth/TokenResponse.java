package dev.dotgit.adapter.rest.v2.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** RFC 6749 §5.1's successful token response; {@code scope} is the space-separated scopes granted. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
}
