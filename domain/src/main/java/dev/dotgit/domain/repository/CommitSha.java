package dev.dotgit.domain.repository;

import dev.dotgit.domain.error.InvalidInput;
import java.util.Locale;

/**
 * A commit hash. Callers may send an abbreviation (4–40 hex characters); a deployment always
 * records the full 40-character hash it was resolved to.
 */
public record CommitSha(String value) {

    public static final String RULE = "Must be a commit hash of 4-40 hexadecimal characters";

    public CommitSha {
        if (!isLowerHex(value)) {
            throw new IllegalArgumentException("not a commit hash: " + value);
        }
    }

    /** Checked on every deployment read back, so by hand rather than by regex. */
    private static boolean isLowerHex(String candidate) {
        if (candidate == null || candidate.length() < 4 || candidate.length() > 40) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static CommitSha parse(String field, String raw) {
        String lower = raw == null ? null : raw.toLowerCase(Locale.ROOT);
        if (!isLowerHex(lower)) {
            throw InvalidInput.badFormat(field, raw, RULE);
        }
        return new CommitSha(lower);
    }

    public boolean isFull() {
        return value.length() == 40;
    }

    public String abbreviated() {
        return value.substring(0, Math.min(7, value.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
