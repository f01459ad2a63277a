package dev.dotgit.application.port.out.apikey;

import dev.dotgit.domain.apikey.ApiKey;

public interface SaveApiKeyPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if a key with the same secret hash exists */
    ApiKey insert(ApiKey key);
}
