package dev.dotgit.application.port.in.serviceaccount;

/**
 * A request at the token endpoint (RFC 6749 §4.4.2) as the client sent it, every value raw
 * and possibly null: the adapter has only decoded the wire form (the form body, HTTP Basic)
 * and chosen which of the two carried the client's credentials.
 *
 * @param scope the space-separated scopes asked for; null to ask for all of the client's
 */
public record TokenRequest(String grantType, String clientId, String clientSecret, String scope) {

    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /** Whether any credential was presented at all (a request without one guessed nothing). */
    public boolean credentialsSent() {
        return clientId != null || clientSecret != null;
    }

    @Override
    public String toString() {
        return "TokenRequest[" + grantType + ", " + clientId + "]";
    }
}
