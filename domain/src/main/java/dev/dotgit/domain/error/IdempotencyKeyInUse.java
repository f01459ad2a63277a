package dev.dotgit.domain.error;

import java.util.Map;

/**
 * The first request with this {@code Idempotency-Key} is still running. Retrying later gets
 * its response (or runs the request again if the first one failed).
 */
public final class IdempotencyKeyInUse extends DomainError {

    private final String key;

    public IdempotencyKeyInUse(String key) {
        super("A request with the Idempotency-Key '" + Sanitized.value(key) + "' is still in progress;"
                + " retry once it has finished.");
        this.key = Sanitized.value(key);
    }

    @Override
    public String code() {
        return "idempotency_key_in_use";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("idempotency_key", key);
    }
}
