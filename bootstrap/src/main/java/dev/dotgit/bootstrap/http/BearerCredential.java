package dev.dotgit.bootstrap.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;

/**
 * The credential of {@code Authorization: Bearer <key or token>}, read the way the versions'
 * routes read it (scheme case-insensitive, surrounding blanks dropped), for the bootstrap filters
 * that must know the caller before a route runs.
 */
final class BearerCredential {

    private static final String SCHEME = "bearer";

    private BearerCredential() {
    }

    /** @return the credential, or null when the request carries no bearer credential */
    @Nullable
    static String of(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
                || !Character.isWhitespace(value.charAt(SCHEME.length()))) {
            return null;
        }
        return value.substring(SCHEME.length()).strip();
    }
}
