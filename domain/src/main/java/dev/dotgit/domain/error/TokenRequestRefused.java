package dev.dotgit.domain.error;

/**
 * The token endpoint refuses a request for an access token. Its codes are RFC 6749 §5.2's, not
 * this platform's: OAuth clients act on them, so every version that offers the endpoint
 * answers in that vocabulary.
 */
public final class TokenRequestRefused extends DomainError {

    public enum Reason {
        /** A parameter is missing, repeated, or unreadable, or more than one way of client authentication was used. */
        INVALID_REQUEST("invalid_request"),
        /** Client authentication failed: unknown client, wrong secret, or none sent. */
        INVALID_CLIENT("invalid_client"),
        /** The grant itself is not valid. */
        INVALID_GRANT("invalid_grant"),
        /** A grant type other than client_credentials. */
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
        /** A scope the client may not have, or one that does not exist. */
        INVALID_SCOPE("invalid_scope");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;
    private final boolean credentialsSent;

    private TokenRequestRefused(Reason reason, String description, boolean credentialsSent) {
        super(description);
        this.reason = reason;
        this.credentialsSent = credentialsSent;
    }

    public static TokenRequestRefused invalidRequest(String description) {
        return new TokenRequestRefused(Reason.INVALID_REQUEST, description, false);
    }

    /** @param credentialsSent whether the client presented credentials (that were then refused) */
    public static TokenRequestRefused invalidClient(String description, boolean credentialsSent) {
        return new TokenRequestRefused(Reason.INVALID_CLIENT, description, credentialsSent);
    }

    public static TokenRequestRefused unsupportedGrantType(String description) {
        return new TokenRequestRefused(Reason.UNSUPPORTED_GRANT_TYPE, description, false);
    }

    public static TokenRequestRefused invalidScope(String description) {
        return new TokenRequestRefused(Reason.INVALID_SCOPE, description, false);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Whether this is a refused credential, a failed authentication that the per-address
     * throttle counts (a request that sent no credentials guessed nothing).
     */
    public boolean refusedSentCredentials() {
        return reason == Reason.INVALID_CLIENT && credentialsSent;
    }

    @Override
    public String code() {
        return reason.code;
    }

    @Override
    public ErrorCategory category() {
        return reason == Reason.INVALID_CLIENT ? ErrorCategory.UNAUTHENTICATED : ErrorCategory.BAD_REQUEST;
    }
}
