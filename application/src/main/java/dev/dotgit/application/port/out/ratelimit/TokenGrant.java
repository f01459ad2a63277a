package dev.dotgit.application.port.out.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one {@link TakeRateLimitTokensPort#takeUpTo} call.
 *
 * @param granted        tokens taken now, from 0 to the number asked for
 * @param remaining      tokens left in the bucket afterwards
 * @param untilNextToken when nothing is left: how long until the next whole token arrives; zero otherwise
 */
public record TokenGrant(long granted, long remaining, Duration untilNextToken) {

    public TokenGrant {
        Objects.requireNonNull(untilNextToken, "untilNextToken");
        if (granted < 0 || remaining < 0 || untilNextToken.isNegative()) {
            throw new IllegalArgumentException("a grant's numbers are never negative");
        }
    }
}
