package dev.dotgit.adapter.rest.v2.oauth;

import dev.dotgit.domain.error.TokenRequestRefused;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as RFC 6749 reads it: a parameter sent
 * without a value counts as left out (§3.1), and one sent twice makes the request invalid
 * (§3.1, §3.2). Anything that is not well-formed form encoding is {@code invalid_request}.
 */
final class TokenRequestForm {

    /** Far above any real token request; protects the parser, not the 1 MiB body limit. */
    static final int MAX_PARAMETERS = 32;

    private final Map<String, String> values;

    private TokenRequestForm(Map<String, String> values) {
        this.values = values;
    }

    static TokenRequestForm parse(byte[] body) {
        Map<String, String> values = new HashMap<>();
        if (body == null || body.length == 0) {
            return new TokenRequestForm(values);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String[] pairs = text.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw TokenRequestRefused.invalidRequest("Too many parameters.");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.containsKey(name)) {
                throw TokenRequestRefused.invalidRequest("The parameter '" + safe(name) + "' is sent more than once.");
            }
            values.put(name, value);
        }
        return new TokenRequestForm(values);
    }

    /** The parameter's value, or null when it was left out or sent empty. */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw TokenRequestRefused.invalidRequest("The body is not valid application/x-www-form-urlencoded.");
        }
    }

    /** A parameter name to echo in a message: printable ASCII only, and short. */
    private static String safe(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
