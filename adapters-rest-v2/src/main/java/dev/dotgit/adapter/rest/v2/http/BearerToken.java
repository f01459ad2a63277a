package dev.dotgit.adapter.rest.v2.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Reads the API key of a v2 request: only ever from the {@code Authorization} header, never the query string. */
public final class BearerToken {

    private static final String BEARER = "Bearer";

    private BearerToken() {
    }

    /**
     * The credential of {@code Authorization: Bearer <key>} (scheme case-insensitive, RFC 7235
     * §2.1), or null when the header is absent or names another scheme.
     */
    public static String of(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !Character.isWhitespace(value.charAt(BEARER.length()))) {
            return null;
        }
        return value.substring(BEARER.length()).strip();
    }
}
