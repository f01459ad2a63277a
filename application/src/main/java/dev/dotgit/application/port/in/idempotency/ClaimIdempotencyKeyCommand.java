package dev.dotgit.application.port.in.idempotency;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.RequestFingerprint;
import java.util.Objects;

/**
 * A creating request that carries an {@code Idempotency-Key}.
 *
 * @param fingerprint what the request is (method, path, body); see {@link RequestFingerprint}
 */
public record ClaimIdempotencyKeyCommand(AccountSlug account, IdempotencyKey key, RequestFingerprint fingerprint) {

    public ClaimIdempotencyKeyCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * Validates the raw header value (throws {@code InvalidInput} naming the header) and
     * fingerprints the request.
     */
    public static ClaimIdempotencyKeyCommand of(AccountSlug account, String rawKey, String method, String path,
                                                byte[] body) {
        return new ClaimIdempotencyKeyCommand(account, new IdempotencyKey(rawKey),
                RequestFingerprint.of(method, path, body));
    }
}
