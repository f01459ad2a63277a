package dev.dotgit.application.port.out.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What one HTTP attempt came to.
 *
 * @param httpStatus the response status (a 3xx is returned as is: redirects are never followed), or null
 * @param error      why it did not succeed (timeout, connection refused, non-2xx …), or null for a 2xx
 * @param retryAfter the response's {@code Retry-After}, as a wait from now, if it had one
 */
public record SendOutcome(Integer httpStatus, String error, long latencyMs, Optional<Duration> retryAfter) {

    public SendOutcome {
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public boolean targetIsGone() {
        return httpStatus != null && httpStatus == 410;
    }
}
