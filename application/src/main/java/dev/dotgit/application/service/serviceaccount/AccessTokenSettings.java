package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How access tokens are made.
 *
 * @param lifetime      how long a token works after it is issued (whole seconds, at least one)
 * @param configuredKey the signing key an operator configured; empty to use the key stored in
 *                      the database (created by the first node that needs one)
 */
public record AccessTokenSettings(Duration lifetime, Optional<TokenSigningKey> configuredKey) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final AccessTokenSettings DEFAULTS = new AccessTokenSettings(DEFAULT_LIFETIME, Optional.empty());

    public AccessTokenSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(configuredKey, "configuredKey");
        if (lifetime.getSeconds() < 1 || lifetime.getNano() != 0) {
            throw new IllegalArgumentException("a token lifetime is a whole number of seconds, at least one");
        }
    }
}
