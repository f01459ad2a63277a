package dev.dotgit.adapter.persistence.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code accounts}; the custom rate limit is either both numbers or neither. */
@MappedEntity("accounts")
record AccountRow(@Id String slug, String plan, @Nullable Integer rateLimitPerMinute,
                  @Nullable Integer rateLimitBurst, String publicKey, Instant createdAt, long version) {
}
