package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.ratelimit.ConsumeRateLimitUseCase;
import dev.dotgit.application.port.in.ratelimit.RateLimitDecision;
import dev.dotgit.bootstrap.RateLimitSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.concurrent.CompletableFuture;

/**
 * Per-account rate limits on every API version (CONTRACT §2.5), decided by
 * {@link ConsumeRateLimitUseCase}: a request whose credential authenticates takes one token from
 * its account's bucket; over the limit it is answered 429 {@code rate_limit_exceeded} with
 * {@code Retry-After}, in its version's envelope (the domain error travels with the response, as
 * for every bootstrap refusal). Every answer to such a request, errors included, carries:
 * <ul>
 * <li>{@code X-RateLimit-Limit}: the account's per-minute limit;</li>
 * <li>{@code X-RateLimit-Remaining}: tokens left after this request;</li>
 * <li>{@code X-RateLimit-Reset}: unix seconds when the bucket is full again (Remaining back at the
 * burst) if no further request arrives, the moment after which a paused client has its whole
 * allowance back, as GitHub's header promises for its windows. The wait for a single token is
 * what {@code Retry-After} says on a 429.</li>
 * </ul>
 * Requests that do not authenticate carry none of these (the failed-authentication throttle guards
 * them), nor do the 401s of keys revoked within the limiter's cache time.
 *
 * <p>Placed after {@link FailedAuthenticationFilter} and before {@link IdempotencyFilter}: an address
 * that keeps failing is refused before it costs a lookup, and a limited request never claims an
 * idempotency key. The decision completes at once on the common path; when storage must be read,
 * the request continues asynchronously once it has been (the use case does that work on its own
 * executor), so no event loop waits on the database.
 */
@ServerFilter({"/v1", "/v1/**", "/v2", "/v2/**", "/v3", "/v3/**"})
class RateLimitFilter implements Ordered {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final ConsumeRateLimitUseCase limits;
    private final boolean enabled;

    RateLimitFilter(ConsumeRateLimitUseCase limits, RateLimitSettings settings) {
        this.limits = limits;
        this.enabled = settings.enabled();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() + 2;
    }

    /**
     * Decides and records the decision; {@link Refusal}, right after, answers a refused request.
     * Two steps because Micronaut 4.10 fails a request whose request filter completes
     * asynchronously with "continue" (null): this one always completes with the request itself,
     * which the framework reads as "go on", and the refusal is a plain synchronous filter. (A
     * reactive continuation around the chain works too, but cost the authenticated GET on H2 a
     * large share of its throughput here.)
     */
    @RequestFilter
    CompletableFuture<HttpRequest<?>> takeToken(HttpRequest<?> request) {
        String credential = enabled ? BearerCredential.of(request) : null;
        if (credential == null) {
            return CompletableFuture.completedFuture(request);
        }
        return limits.consume(credential).toCompletableFuture().thenApply(outcome -> {
            outcome.ifPresent(decision -> request.setAttribute(DECISION, decision));
            return request;
        });
    }

    @ResponseFilter
    void showNumbers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RateLimitDecision decision = request.getAttribute(DECISION, RateLimitDecision.class).orElse(null);
        if (decision != null && response.code() != HttpStatus.UNAUTHORIZED.getCode()
                && !response.getHeaders().contains(LIMIT)) {
            withNumbers(response, decision);
        }
    }

    /** Answers a request its account's budget refused: 429 in the version's envelope, with {@code Retry-After}. */
    @ServerFilter({"/v1", "/v1/**", "/v2", "/v2/**", "/v3", "/v3/**"})
    static final class Refusal implements Ordered {

        @Override
        public int getOrder() {
            return ServerFilterPhase.SECURITY.before() + 3;
        }

        @RequestFilter
        @Nullable
        MutableHttpResponse<?> refuseOverLimit(HttpRequest<?> request) {
            RateLimitDecision decision = request.getAttribute(DECISION, RateLimitDecision.class).orElse(null);
            if (decision == null || decision.allowed()) {
                return null;
            }
            MutableHttpResponse<?> refused = Refusals.refuse(request, HttpStatus.TOO_MANY_REQUESTS, decision.refusal())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            return withNumbers(refused, decision);
        }
    }

    private static MutableHttpResponse<?> withNumbers(MutableHttpResponse<?> response, RateLimitDecision decision) {
        return response.header(LIMIT, Integer.toString(decision.limitPerMinute()))
                .header(REMAINING, Long.toString(decision.remaining()))
                .header(RESET, Long.toString(decision.resetAt().getEpochSecond()));
    }
}
