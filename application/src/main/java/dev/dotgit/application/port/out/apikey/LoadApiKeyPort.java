package dev.dotgit.application.port.out.apikey;

import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import java.util.Optional;

public interface LoadApiKeyPort {

    /** The key whose secret hashes to {@code hash}, revoked or not. */
    Optional<ApiKey> findBySecretHash(SecretHash hash);
}
