package dev.dotgit.adapter.persistence.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code api_keys}; scopes and restrictions are comma-separated wire names and ids. */
@MappedEntity("api_keys")
record ApiKeyRow(@Id String id, String account, String name, String secretHash, String lastFour, String scopes,
                 String projects, String environments, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
                 Instant createdAt) {
}
