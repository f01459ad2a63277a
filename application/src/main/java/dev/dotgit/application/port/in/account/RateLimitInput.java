package dev.dotgit.application.port.in.account;

import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.InvalidInput;

/** Custom rate-limit numbers as an operator sent them; validated into a {@link RateLimit}. */
public record RateLimitInput(Long perMinute, Long burst) {

    public RateLimit toRateLimit() {
        String rule = "Must be an integer from 1 to " + RateLimit.MAX_PER_MINUTE;
        if (perMinute == null) {
            throw InvalidInput.missing("rate_limit.per_minute");
        }
        if (burst == null) {
            throw InvalidInput.missing("rate_limit.burst");
        }
        if (perMinute < 1 || perMinute > RateLimit.MAX_PER_MINUTE) {
            throw InvalidInput.outOfRange("rate_limit.per_minute", String.valueOf(perMinute), rule);
        }
        if (burst < 1 || burst > RateLimit.MAX_PER_MINUTE) {
            throw InvalidInput.outOfRange("rate_limit.burst", String.valueOf(burst), rule);
        }
        return new RateLimit(perMinute.intValue(), burst.intValue());
    }
}
