package dev.dotgit.domain.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The shared secret of a subscription: {@code whsec_} + base64 of 32 random bytes. v2 signs
 * with the whole string as HMAC key (as GitHub does); v3 with the decoded bytes after the
 * prefix (as Standard Webhooks does). Stored in plain text, because signing needs it; shown to
 * the caller once, at creation. {@link #toString()} never prints it.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    public static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " and base64", e);
        }
        if (key.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + RANDOM_BYTES + " bytes");
        }
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The key Standard Webhooks (v3) signs with: the bytes the base64 part encodes. */
    public byte[] decodedKey() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
