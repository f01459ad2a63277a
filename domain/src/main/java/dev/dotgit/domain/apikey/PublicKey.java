package dev.dotgit.domain.apikey;

/**
 * An account's public key ({@code gpk_live_…}): it identifies the account to third parties
 * and is safe to show, but it never authenticates a request.
 */
public record PublicKey(String value) {

    public static final String PREFIX = "gpk_live_";

    public PublicKey {
        if (!KeyFormat.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("not a public key");
        }
    }

    public static PublicKey generate() {
        return new PublicKey(KeyFormat.generate(PREFIX));
    }

    /** Anything that merely looks like a public key, so callers can be told why it was refused. */
    public static boolean looksLikeOne(String candidate) {
        return candidate != null && candidate.startsWith("gpk_");
    }
}
