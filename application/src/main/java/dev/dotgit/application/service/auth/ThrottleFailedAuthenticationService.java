package dev.dotgit.application.service.auth;

import dev.dotgit.application.port.in.auth.ThrottleFailedAuthenticationUseCase;
import dev.dotgit.domain.error.RateLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed authentications per client address in fixed windows: the failure that brings
 * an address to {@code maxFailures} within {@code window} of its first one blocks it for
 * {@code blockFor}; afterwards it starts afresh.
 *
 * <p>Decisions: the counts live in this node's memory, so with several nodes an address may
 * fail up to that many times per node before each blocks it (the contract's shared budgets are
 * the rate limits', not this guard's). Each address's state changes in one atomic map
 * operation, so concurrent failures are all counted. The map is bounded: past
 * {@value #MAX_ADDRESSES} addresses, expired entries are dropped, and if that is not enough the
 * map is cleared, so a flood of spoofed addresses can cost memory only up to the bound.
 */
public final class ThrottleFailedAuthenticationService implements ThrottleFailedAuthenticationUseCase {

    static final int MAX_ADDRESSES = 100_000;

    private record Failures(Instant windowStart, int count, Instant blockedUntil) {
    }

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration blockFor;
    private final ConcurrentMap<String, Failures> byAddress = new ConcurrentHashMap<>();

    public ThrottleFailedAuthenticationService(Clock clock, int maxFailures, Duration window, Duration blockFor) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || blockFor.isNegative() || blockFor.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.blockFor = blockFor;
    }

    @Override
    public void requireNotBlocked(String clientAddress) {
        Failures failures = byAddress.get(clientAddress);
        if (failures == null || failures.blockedUntil() == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(failures.blockedUntil())) {
            long seconds = Math.max(1, (Duration.between(now, failures.blockedUntil()).toMillis() + 999) / 1000);
            throw RateLimited.failedAuthentications(seconds);
        }
        byAddress.remove(clientAddress, failures);
    }

    @Override
    public void recordFailure(String clientAddress) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(failures -> isOver(failures, now));
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.clear();
            }
        }
        byAddress.compute(clientAddress, (address, current) -> {
            if (current == null || isOver(current, now)) {
                return counted(new Failures(now, 0, null), now);
            }
            if (current.blockedUntil() != null) {
                return current;
            }
            return counted(current, now);
        });
    }

    private Failures counted(Failures failures, Instant now) {
        int count = failures.count() + 1;
        return new Failures(failures.windowStart(), count, count >= maxFailures ? now.plus(blockFor) : null);
    }

    private boolean isOver(Failures failures, Instant now) {
        return failures.blockedUntil() != null
                ? !now.isBefore(failures.blockedUntil())
                : !now.isBefore(failures.windowStart().plus(window));
    }
}
