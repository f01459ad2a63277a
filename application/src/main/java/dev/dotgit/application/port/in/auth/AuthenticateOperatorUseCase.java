package dev.dotgit.application.port.in.auth;

/**
 * Guards the operator surface with the configured operator token. When no token is
 * configured the surface does not exist at all.
 */
public interface AuthenticateOperatorUseCase {

    boolean isOperatorSurfaceEnabled();

    /** @param bearerToken the token after "Bearer ", or null; throws Unauthenticated unless it is the operator token */
    void verify(String bearerToken);
}
