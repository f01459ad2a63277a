package dev.dotgit.application.port.in.auth;

import dev.dotgit.domain.access.Caller;

/**
 * Turns the bearer credential of a request into a {@link Caller}, or refuses it with
 * {@code Unauthenticated} (missing, malformed, unknown, expired/revoked, or a public key).
 */
public interface AuthenticateCallerUseCase {

    /** @param bearerToken the token after "Bearer ", or null when the request carried none */
    Caller authenticate(String bearerToken);
}
