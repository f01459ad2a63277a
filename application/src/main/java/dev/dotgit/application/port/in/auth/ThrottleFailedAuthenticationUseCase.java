package dev.dotgit.application.port.in.auth;

/**
 * Slows down key guessing (CONTRACT §2.1): an address that fails authentication too often in a
 * window is refused for a while, whatever key it sends next.
 */
public interface ThrottleFailedAuthenticationUseCase {

    /** @throws dev.dotgit.domain.error.RateLimited while {@code clientAddress} is blocked */
    void requireNotBlocked(String clientAddress);

    /** Counts one failed authentication of {@code clientAddress}; the one that reaches the limit blocks it. */
    void recordFailure(String clientAddress);
}
