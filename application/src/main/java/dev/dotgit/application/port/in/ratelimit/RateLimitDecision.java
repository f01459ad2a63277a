package dev.dotgit.application.port.in.ratelimit;

import dev.dotgit.domain.error.RateLimited;
import java.time.Instant;
import java.util.Objects;

/**
 * What one request's token taking decided, and the numbers every answer to it shows
 * ({@code X-RateLimit-*}).
 *
 * @param allowed           whether the request may run
 * @param limitPerMinute    the account's per-minute limit ({@code X-RateLimit-Limit})
 * @param remaining         tokens left after this request, never negative ({@code X-RateLimit-Remaining})
 * @param resetAt           when the bucket is full again if no further request arrives, rounded up to a
 *                          whole second ({@code X-RateLimit-Reset}, as unix seconds)
 * @param retryAfterSeconds for a refused request, whole seconds (at least 1) until the next token
 *                          arrives; 0 for an allowed one
 */
public record RateLimitDecision(boolean allowed, int limitPerMinute, long remaining, Instant resetAt,
                                long retryAfterSeconds) {

    public RateLimitDecision {
        Objects.requireNonNull(resetAt, "resetAt");
        if (remaining < 0 || limitPerMinute < 1) {
            throw new IllegalArgumentException("remaining must not be negative and the limit positive");
        }
        if (!allowed && retryAfterSeconds < 1) {
            throw new IllegalArgumentException("a refusal says when to retry, at least one second ahead");
        }
    }

    /** The error a refused request is answered with (429 {@code rate_limit_exceeded} in every version). */
    public RateLimited refusal() {
        if (allowed) {
            throw new IllegalStateException("an allowed request is not refused");
        }
        return RateLimited.accountBudget(limitPerMinute, retryAfterSeconds);
    }
}
