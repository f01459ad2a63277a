package dev.dotgit.application.port.out.apikey;

import dev.dotgit.domain.apikey.ApiKey;
import java.time.Instant;

public interface SaveApiKeyPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if a key with the same secret hash exists */
    ApiKey insert(ApiKey key);

    /**
     * Marks the key revoked at {@code at}, if it is not revoked yet.
     *
     * @return whether this call revoked it; of two concurrent revocations exactly one returns true
     */
    boolean revoke(ApiKey key, Instant at);
}
