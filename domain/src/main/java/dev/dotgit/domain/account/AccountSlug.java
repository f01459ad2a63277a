package dev.dotgit.domain.account;

import dev.dotgit.domain.error.InvalidInput;

/** An account's handle (the owner in {@code acme/web}): 2–39 lowercase letters, digits or inner hyphens. */
public record AccountSlug(String value) {

    public static final String RULE =
            "Must be 2-39 characters of lowercase letters, digits or '-', not starting or ending with '-'";

    public AccountSlug {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an account slug: " + value);
        }
    }

    /** Checked on every row read back, so by hand rather than by regex. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() < 2 || candidate.length() > 39
                || candidate.charAt(0) == '-' || candidate.charAt(candidate.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Reads a slug a caller sent, naming {@code field} in the error if it breaks the rule. */
    public static AccountSlug parse(String field, String raw) {
        if (!isValid(raw)) {
            throw InvalidInput.badFormat(field, raw, RULE);
        }
        return new AccountSlug(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
