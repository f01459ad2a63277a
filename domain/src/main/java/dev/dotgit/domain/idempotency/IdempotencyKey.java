package dev.dotgit.domain.idempotency;

import dev.dotgit.domain.error.InvalidInput;

/**
 * A client's {@code Idempotency-Key} (CONTRACT §2.6): 1-255 printable ASCII characters
 * (space through {@code ~}). Unique per account, not globally.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    public static final String RULE = "Must be 1-" + MAX_LENGTH + " printable ASCII characters";

    public IdempotencyKey {
        if (!isValid(value)) {
            throw InvalidInput.badHeader(HEADER, RULE);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
