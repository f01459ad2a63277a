package dev.dotgit.domain.error;

import java.util.Map;

/** Too many requests (or failed authentications) in a window; the caller may retry after {@code retryAfterSeconds}. */
public final class RateLimited extends DomainError {

    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
        super(message);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retry after at least one second");
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static RateLimited failedAuthentications(long retryAfterSeconds) {
        return new RateLimited("Too many failed authentication attempts from this address; retry in "
                + retryAfterSeconds + " seconds.", retryAfterSeconds);
    }

    /** The account's request budget (CONTRACT §2.5) is spent until its next token arrives. */
    public static RateLimited accountBudget(int perMinute, long retryAfterSeconds) {
        return new RateLimited("Rate limit exceeded: this account may make " + perMinute
                + (perMinute == 1 ? " request" : " requests") + " per minute; retry in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."), retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String code() {
        return "rate_limit_exceeded";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.RATE_LIMITED;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("retry_after", Long.toString(retryAfterSeconds));
    }
}
