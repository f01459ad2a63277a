package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.domain.apikey.Scope;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token for a service account (RFC 6749 §5.1).
 *
 * @param expiresInSeconds how long it works from now
 * @param scopes           what it was granted
 */
public record IssuedAccessToken(String accessToken, long expiresInSeconds, Set<Scope> scopes) {

    public IssuedAccessToken {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[" + scopes + ", " + expiresInSeconds + "s]";
    }
}
