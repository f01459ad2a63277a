package dev.dotgit.bootstrap;

import dev.dotgit.domain.account.RateLimit;
import io.micronaut.core.value.PropertyResolver;
import java.util.Locale;
import java.util.Optional;

/**
 * The rate limiter's settings (CONTRACT §2.5), read and validated at start-up like
 * {@link DotgitConfiguration}'s; a bad value stops start-up with one line naming the key.
 *
 * @param enabled          {@code dotgit.rate-limits.enabled}: false turns the per-account limits off
 *                         on this node (for operators whose gateway limits already); default true
 * @param bootstrapAccount {@code dotgit.bootstrap.rate-limit.per-minute} and {@code .burst}: custom
 *                         numbers given to account {@code default} at every start, for scripts,
 *                         tests and benchmarks that use the bootstrap key hard; empty keeps the
 *                         account's own
 */
public record RateLimitSettings(boolean enabled, Optional<RateLimit> bootstrapAccount) {

    static final String ENABLED = "dotgit.rate-limits.enabled";
    static final String BOOTSTRAP_PER_MINUTE = "dotgit.bootstrap.rate-limit.per-minute";
    static final String BOOTSTRAP_BURST = "dotgit.bootstrap.rate-limit.burst";

    public static RateLimitSettings from(PropertyResolver properties) {
        boolean enabled = text(properties, ENABLED).map(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfiguration(ENABLED, "must be true or false (got '" + raw + "')");
        }).orElse(true);
        Optional<Integer> perMinute = count(properties, BOOTSTRAP_PER_MINUTE);
        Optional<Integer> burst = count(properties, BOOTSTRAP_BURST);
        if (perMinute.isPresent() != burst.isPresent()) {
            String missing = perMinute.isPresent() ? BOOTSTRAP_BURST : BOOTSTRAP_PER_MINUTE;
            throw new InvalidConfiguration(missing, "must be set together with "
                    + (perMinute.isPresent() ? BOOTSTRAP_PER_MINUTE : BOOTSTRAP_BURST));
        }
        return new RateLimitSettings(enabled, perMinute.map(limit -> new RateLimit(limit, burst.get())));
    }

    private static Optional<Integer> count(PropertyResolver properties, String key) {
        return text(properties, key).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value >= 1 && value <= RateLimit.MAX_PER_MINUTE) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidConfiguration(key, "must be a whole number from 1 to " + RateLimit.MAX_PER_MINUTE
                    + " (got '" + raw + "')");
        });
    }

    private static Optional<String> text(PropertyResolver properties, String key) {
        return properties.get(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
