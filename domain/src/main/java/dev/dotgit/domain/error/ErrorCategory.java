package dev.dotgit.domain.error;

/**
 * What kind of failure an error is. Every API version maps a category (and, where its
 * dialect needs it, the code) to its own status and envelope; the category itself never
 * names an HTTP status.
 */
public enum ErrorCategory {
    /** The object does not exist or the caller may not see it: the two are indistinguishable. */
    NOT_FOUND,
    /** The request is well-formed but contradicts the current state (names taken, final states). */
    CONFLICT,
    /** The request refers to something that cannot be used (a branch or commit the repository lacks). */
    BAD_REQUEST,
    /** A field is missing or has a value outside its rule. */
    INVALID_INPUT,
    /** No usable credential was presented. */
    UNAUTHENTICATED,
    /** The credential is valid but does not allow this. */
    FORBIDDEN,
    /**
     * The request is well-formed but repeats an earlier one's idempotency key with other content:
     * it can never succeed as sent, whatever the state of the objects it names.
     */
    UNPROCESSABLE,
    /** The caller sent too much too fast; it may retry after the time the error names. */
    RATE_LIMITED,
    /** A dependency of the server (the database) failed; retrying later may succeed. */
    UNAVAILABLE
}
