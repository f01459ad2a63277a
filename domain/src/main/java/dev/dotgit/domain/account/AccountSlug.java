package dev.dotgit.domain.account;

import dev.dotgit.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** An account's handle (the owner in {@code acme/web}): 2–39 lowercase letters, digits or inner hyphens. */
public record AccountSlug(String value) {

    public static final String RULE =
            "Must be 2-39 characters of lowercase letters, digits or '-', not starting or ending with '-'";
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,37}[a-z0-9])");

    public AccountSlug {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an account slug: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
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
