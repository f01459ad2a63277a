package dev.dotgit.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A secret API key ({@code gsk_live_…}). It exists in clear only in the reply that creates
 * it and in the caller's hands: the platform stores its SHA-256 hash and the last four
 * characters for display.
 */
public final class SecretKey {

    public static final String PREFIX = "gsk_live_";

    private final String value;

    private SecretKey(String value) {
        this.value = value;
    }

    public static SecretKey generate() {
        return new SecretKey(KeyFormat.generate(PREFIX));
    }

    /** Accepts only a well-formed key with a correct checksum; anything else is empty, without a lookup. */
    public static Optional<SecretKey> parse(String candidate) {
        return KeyFormat.isWellFormed(PREFIX, candidate) ? Optional.of(new SecretKey(candidate)) : Optional.empty();
    }

    public String reveal() {
        return value;
    }

    public SecretHash hash() {
        return SecretHash.of(value);
    }

    public String lastFour() {
        return value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return PREFIX + "…" + lastFour();
    }

    /** SHA-256 of a secret: what is stored and looked up. Comparison is constant-time. */
    public record SecretHash(String hex) {

        public SecretHash {
            if (hex == null || hex.length() != 64) {
                throw new IllegalArgumentException("a SHA-256 hash has 64 hex characters");
            }
        }

        /** Every request hashes its key: the provider lookup is done once per thread, not per hash. */
        private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        });

        public static SecretHash of(String secret) {
            byte[] digest = SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretHash(HexFormat.of().formatHex(digest));
        }

        public boolean matches(SecretHash other) {
            return other != null && MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                    other.hex.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
