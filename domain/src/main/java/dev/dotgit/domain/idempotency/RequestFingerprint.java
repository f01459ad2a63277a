package dev.dotgit.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What makes two requests "the same" for an idempotency key: the SHA-256 of the method, the
 * path and the exact body bytes. Byte-exact on purpose: a reformatted body is another request
 * (as at Stripe), which is never wrong, only stricter than a semantic comparison.
 *
 * @param hex 64 lowercase hexadecimal digits
 */
public record RequestFingerprint(String hex) {

    public RequestFingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + hex);
        }
    }

    public static RequestFingerprint of(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // lengths first, so no choice of method, path and body can collide with another by shifting bytes
            sha256.update((method.length() + ":" + method + "\n" + path.length() + ":" + path + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body == null ? new byte[0] : body);
            return new RequestFingerprint(HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
