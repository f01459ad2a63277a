package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token buckets in memory, on a clock the test moves. Tokens are counted in units of
 * 1/60,000,000,000 of a token, so that every elapsed nanosecond adds exactly {@code perMinute}
 * units and refill needs no fractions. Optionally claims to be shared, to drive the service's
 * reserve path; it counts its calls, as a round trip would cost.
 */
public final class InMemoryTokenBuckets implements TakeRateLimitTokensPort {

    private static final long UNITS_PER_TOKEN = Duration.ofMinutes(1).toNanos();

    private record State(RateLimit limit, long version, long units, Instant updatedAt) {
    }

    private final Clock clock;
    private final boolean shared;
    private final Map<AccountSlug, State> buckets = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public InMemoryTokenBuckets(Clock clock, boolean shared) {
        this.clock = clock;
        this.shared = shared;
    }

    @Override
    public boolean isSharedBetweenNodes() {
        return shared;
    }

    @Override
    public synchronized TokenGrant takeUpTo(AccountSlug account, RateLimit limit, long limitVersion, long maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("ask for at least one token");
        }
        calls.incrementAndGet();
        Instant now = clock.instant();
        State state = buckets.get(account);
        if (state == null) {
            state = new State(limit, limitVersion, limit.burst() * UNITS_PER_TOKEN, now);
        } else {
            state = refilled(state, now);
            if (limitVersion > state.version()) {
                // A larger burst adds its difference; a smaller one caps what is left (bucket4j's ADDITIVE).
                long added = Math.max(0, limit.burst() - state.limit().burst()) * UNITS_PER_TOKEN;
                state = new State(limit, limitVersion,
                        Math.min(state.units() + added, limit.burst() * UNITS_PER_TOKEN), now);
            }
        }
        long granted = Math.min(maxTokens, state.units() / UNITS_PER_TOKEN);
        long units = state.units() - granted * UNITS_PER_TOKEN;
        buckets.put(account, new State(state.limit(), state.version(), units, now));
        long remaining = units / UNITS_PER_TOKEN;
        Duration untilNext = remaining > 0 ? Duration.ZERO
                : Duration.ofNanos((UNITS_PER_TOKEN - units + state.limit().perMinute() - 1) / state.limit().perMinute());
        return new TokenGrant(granted, remaining, untilNext);
    }

    /** How many times the buckets were asked: each would be a round trip to shared storage. */
    public int calls() {
        return calls.get();
    }

    private static State refilled(State state, Instant now) {
        long elapsed = Math.max(0, Duration.between(state.updatedAt(), now).toNanos());
        long capacity = state.limit().burst() * UNITS_PER_TOKEN;
        long untilFull = (capacity - state.units()) / state.limit().perMinute() + 1;
        long units = Math.min(capacity, state.units() + Math.min(elapsed, untilFull) * state.limit().perMinute());
        return new State(state.limit(), state.version(), units, now);
    }
}
