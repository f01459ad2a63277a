package dev.dotgit.adapter.webhooks;

import dev.dotgit.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures of both schemes (CONTRACT §6). */
final class Signatures {

    private Signatures() {
    }

    /** v2 (GitHub style): {@code sha256=<hex>} of the raw body, keyed by the whole secret string. */
    static String v2(WebhookSecret secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.value().getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * v3 (Standard Webhooks): {@code v1,<base64>} of {@code <id>.<timestamp>.<body>}, keyed by the
     * bytes the secret's base64 part encodes.
     */
    static String v3(WebhookSecret secret, String webhookId, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret.decodedKey(),
                webhookId + "." + timestamp + "." + body));
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
