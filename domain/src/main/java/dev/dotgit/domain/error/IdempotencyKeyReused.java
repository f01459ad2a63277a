package dev.dotgit.domain.error;

import java.util.Map;

/**
 * An {@code Idempotency-Key} already used, within its retention, for a different request
 * (another method, path or body). Retrying cannot help: the client must use a new key.
 */
public final class IdempotencyKeyReused extends DomainError {

    private final String key;

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + Sanitized.value(key) + "' was already used for a different request;"
                + " use a new key for a new request.");
        this.key = Sanitized.value(key);
    }

    @Override
    public String code() {
        return "idempotency_key_reused";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.UNPROCESSABLE;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("idempotency_key", key);
    }
}
