package dev.dotgit.domain.error;

/** No usable credential: the request is refused before anything else is looked at. */
public final class Unauthenticated extends DomainError {

    public enum Reason {
        MISSING("missing_api_key",
                "No API key provided. Send it in the header 'Authorization: Bearer <secret key>'."),
        MALFORMED("invalid_api_key", "The provided API key is invalid."),
        UNKNOWN("invalid_api_key", "The provided API key is invalid."),
        EXPIRED_OR_REVOKED("invalid_api_key", "The provided API key is expired or revoked."),
        /** A service account's access token past its expiry: the client asks the token endpoint for a new one. */
        ACCESS_TOKEN_EXPIRED("invalid_api_key",
                "The provided access token has expired; request a new one from POST /v2/oauth/token."),
        /** A well-signed access token whose service account has been deleted. */
        ACCESS_TOKEN_REVOKED("invalid_api_key",
                "The provided access token is revoked: its service account no longer exists."),
        PUBLIC_KEY("invalid_api_key",
                "Public keys (gpk_) identify an account and cannot authenticate requests; use a secret key (gsk_)."),
        MISSING_OPERATOR_TOKEN("missing_operator_token",
                "This operator route needs the operator token in the header 'Authorization: Bearer <token>'."),
        INVALID_OPERATOR_TOKEN("invalid_operator_token", "The provided operator token is invalid.");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private final Reason reason;

    public Unauthenticated(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the caller sent a credential at all (RFC 6750 then asks for {@code error="invalid_token"}). */
    public boolean credentialWasSent() {
        return reason != Reason.MISSING && reason != Reason.MISSING_OPERATOR_TOKEN;
    }

    @Override
    public String code() {
        return reason.code;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.UNAUTHENTICATED;
    }
}
