package dev.dotgit.application.port.out.apikey;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import java.util.Optional;

public interface LoadApiKeyPort {

    /** The key whose secret hashes to {@code hash}, revoked or not. */
    Optional<ApiKey> findBySecretHash(SecretHash hash);

    /** The account's key with this id, revoked or not; another account's key is not found. */
    Optional<ApiKey> findById(AccountSlug account, ApiKeyId id);

    /** The account's keys that are not revoked, newest first (created_at desc, id desc). */
    Page<ApiKey> listActive(AccountSlug account, PageRequest page);
}
