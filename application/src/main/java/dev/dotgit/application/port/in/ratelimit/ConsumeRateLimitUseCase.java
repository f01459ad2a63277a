package dev.dotgit.application.port.in.ratelimit;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Per-account request budgets (CONTRACT §2.5): every request that authenticates takes one token
 * from its account's bucket, which holds at most {@code burst} tokens and gains {@code per_minute}
 * tokens a minute, from the account's custom numbers or else its plan's.
 */
public interface ConsumeRateLimitUseCase {

    /**
     * Takes one token for the account that {@code bearerToken} belongs to.
     *
     * @param bearerToken the credential after "Bearer ", or null when the request carried none
     * @return the decision, or empty when the credential does not authenticate (such requests
     *         are the failed-authentication throttle's business, and carry no rate-limit numbers)
     *         or the budget could not be consulted at all (storage down: the request is let through,
     *         so the limiter is never itself the reason a request fails). The stage is complete at
     *         once on the common path; it completes later only when storage must be read (a key or
     *         account not seen within the cache time, a node-local reserve of tokens that ran dry),
     *         and that reading happens on the service's own executor, never on the calling thread.
     */
    CompletionStage<Optional<RateLimitDecision>> consume(String bearerToken);
}
