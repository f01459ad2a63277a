package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.ratelimit.ConsumeRateLimitUseCase;
import dev.dotgit.application.port.in.ratelimit.RateLimitDecision;
import dev.dotgit.bootstrap.RateLimitSettings;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Locale;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

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
    private static final String BEARER = "bearer";
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
     * Around the rest of the chain rather than a plain request filter returning a nullable future:
     * Micronaut 4.10 fails a request whose request filter completes asynchronously with "continue"
     * (null), so the request goes on through the continuation instead, on whichever thread decided.
     */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> takeToken(HttpRequest<?> request,
                                               FilterContinuation<Publisher<MutableHttpResponse<?>>> rest) {
        String credential = enabled ? bearerToken(request) : null;
        if (credential == null) {
            return rest.proceed();
        }
        return Mono.fromCompletionStage(limits.consume(credential)).flatMap(outcome -> {
            if (outcome.isEmpty()) {
                return Mono.from(rest.proceed());
            }
            RateLimitDecision decision = outcome.get();
            if (!decision.allowed()) {
                MutableHttpResponse<?> refused = Refusals.refuse(request, HttpStatus.TOO_MANY_REQUESTS,
                        decision.refusal()).header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                return Mono.just(withNumbers(refused, decision));
            }
            return Mono.from(rest.proceed()).map(response ->
                    response.code() == HttpStatus.UNAUTHORIZED.getCode() ? response : withNumbers(response, decision));
        });
    }

    private static MutableHttpResponse<?> withNumbers(MutableHttpResponse<?> response, RateLimitDecision decision) {
        return response.header(LIMIT, Integer.toString(decision.limitPerMinute()))
                .header(REMAINING, Long.toString(decision.remaining()))
                .header(RESET, Long.toString(decision.resetAt().getEpochSecond()));
    }

    /** The credential of {@code Authorization: Bearer <key>}, or null, read as the routes read it. */
    private static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() <= BEARER.length()
                || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                || !Character.isWhitespace(value.charAt(BEARER.length()))) {
            return null;
        }
        return value.substring(BEARER.length()).strip();
    }
}
