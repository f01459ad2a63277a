package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.util.Optional;

/** Reads back a token made by {@link SignAccessTokenPort}. */
public interface VerifyAccessTokenPort {

    /**
     * The claims of a token signed with {@code key}, or empty for anything else: garbage, a token
     * signed with another key or another algorithm, edited claims, or claims this platform does
     * not issue. An expired token still verifies: whether it may be used is the caller's
     * decision, by its own clock.
     */
    Optional<AccessTokenClaims> verify(String token, TokenSigningKey key);
}
