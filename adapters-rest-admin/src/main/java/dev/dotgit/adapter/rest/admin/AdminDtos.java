package dev.dotgit.adapter.rest.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** Reply shapes of the operator surface (CONTRACT §2.3). */
final class AdminDtos {

    private AdminDtos() {
    }

    /** {@code POST /admin/accounts} → 201: the only time the admin key's secret is shown. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record CreatedAccountResponse(String slug, String plan, String publicKey, CreatedKey apiKey) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CreatedKey(String id, String secret, List<String> scopes) {
    }

    /** An account as operators see it: the rate limit in force and whether it is custom. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record AccountResponse(String slug, String plan, String publicKey, RateLimitResponse rateLimit, String createdAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RateLimitResponse(int perMinute, int burst, boolean custom) {
    }
}
