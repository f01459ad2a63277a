package dev.dotgit.application.port.in.apikey;

import dev.dotgit.domain.apikey.ApiKey;
import java.util.Objects;

/**
 * A key just created, with its secret: the only moment the secret exists outside the
 * caller's hands (only its hash is stored).
 */
public record IssuedApiKey(ApiKey key, String secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    /** The start of the secret a listing may show: its format prefix, e.g. {@code gsk_live_}. */
    public String prefix() {
        return secret.substring(0, secret.lastIndexOf('_') + 1);
    }

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id().value() + "]";
    }
}
