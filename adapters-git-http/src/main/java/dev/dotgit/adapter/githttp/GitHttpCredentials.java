package dev.dotgit.adapter.githttp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API key in a git client's {@code Authorization} header. Git sends HTTP Basic with
 * whatever user name the URL or credential helper holds, so the key is the password, any user
 * name is accepted, and a key given as the user name with an empty password (as some helpers
 * store tokens) counts too. {@code Bearer <key>} works as on the API (for
 * {@code git -c http.extraHeader=…}).
 */
final class GitHttpCredentials {

    private GitHttpCredentials() {
    }

    /** The key, or null when the header is missing, unreadable or of another scheme. */
    static String apiKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        String bearer = credentialsOf(value, "Bearer");
        if (bearer != null) {
            return bearer;
        }
        String basic = credentialsOf(value, "Basic");
        if (basic == null) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return decoded.isEmpty() ? null : decoded;
        }
        String password = decoded.substring(colon + 1);
        String user = decoded.substring(0, colon);
        return !password.isEmpty() ? password : user.isEmpty() ? null : user;
    }

    private static String credentialsOf(String header, String scheme) {
        if (header.length() <= scheme.length() || !header.regionMatches(true, 0, scheme, 0, scheme.length())
                || !Character.isWhitespace(header.charAt(scheme.length()))) {
            return null;
        }
        String credentials = header.substring(scheme.length()).strip();
        return credentials.isEmpty() ? null : credentials;
    }
}
