package dev.dotgit.domain.account;

/** A token bucket: refilled by {@code perMinute} tokens a minute, holding at most {@code burst}. */
public record RateLimit(int perMinute, int burst) {

    public static final int MAX_PER_MINUTE = 1_000_000;

    public RateLimit {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("per_minute out of range: " + perMinute);
        }
        if (burst < 1 || burst > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("burst out of range: " + burst);
        }
    }
}
