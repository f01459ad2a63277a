package dev.dotgit.domain.repository;

import dev.dotgit.domain.error.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A commit hash. Callers may send an abbreviation (4–40 hex characters); a deployment always
 * records the full 40-character hash it was resolved to.
 */
public record CommitSha(String value) {

    public static final String RULE = "Must be a commit hash of 4-40 hexadecimal characters";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{4,40}");

    public CommitSha {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a commit hash: " + value);
        }
    }

    public static CommitSha parse(String field, String raw) {
        String lower = raw == null ? null : raw.toLowerCase(Locale.ROOT);
        if (lower == null || !HEX.matcher(lower).matches()) {
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
