package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.auth.ThrottleFailedAuthenticationUseCase;
import dev.dotgit.bootstrap.DotgitConfiguration;
import dev.dotgit.bootstrap.TransportSecurity;
import dev.dotgit.domain.error.RateLimited;
import dev.dotgit.domain.error.TokenRequestRefused;
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
import io.micronaut.web.router.RouteAttributes;
import java.net.InetSocketAddress;

/**
 * Throttles failed authentication per client address (CONTRACT §2.1), for every version and
 * the operator surface at once: every 401 the server answers counts against the address, and a
 * blocked address gets 429 {@code rate_limit_exceeded} with {@code Retry-After} whatever key it
 * sends, before anything else looks at the request. Requests without credentials do not count;
 * client credentials refused by the token endpoint do, whether sent as a header or in the form. Versioned paths get the refusal in their
 * version's envelope (the domain error travels with the response); other paths in the
 * unversioned shape.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class FailedAuthenticationFilter implements Ordered {

    private static final String ADDRESS = FailedAuthenticationFilter.class.getName() + ".address";

    private final ThrottleFailedAuthenticationUseCase throttle;
    private final TransportSecurity transport;

    FailedAuthenticationFilter(ThrottleFailedAuthenticationUseCase throttle, DotgitConfiguration configuration) {
        this.throttle = throttle;
        this.transport = configuration.transport();
    }

    @Override
    public int getOrder() {
        // Right after the HTTPS check, inside the version filters, before idempotency and routes.
        return ServerFilterPhase.SECURITY.before() + 1;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseBlockedAddresses(HttpRequest<?> request) {
        if (request.getPath().startsWith("/health")) {
            return null;
        }
        InetSocketAddress from = request.getRemoteAddress();
        String address = transport.clientAddress(from == null ? null : from.getAddress(),
                request.getHeaders().get("X-Forwarded-For"));
        request.setAttribute(ADDRESS, address);
        try {
            throttle.requireNotBlocked(address);
            return null;
        } catch (RateLimited blocked) {
            return Refusals.refuse(request, HttpStatus.TOO_MANY_REQUESTS, blocked)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(blocked.retryAfterSeconds()));
        }
    }

    @ResponseFilter
    void countFailures(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // Only a credential that was sent and refused is a failed attempt: a request without
        // one (a git client's first, anonymous request before it answers the challenge, say)
        // guesses nothing, and counting it would lock out busy but honest clients.
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode()
                && (request.getHeaders().contains(HttpHeaders.AUTHORIZATION) || refusedCredentialsInTheBody(response))) {
            request.getAttribute(ADDRESS, String.class).ifPresent(throttle::recordFailure);
        }
    }

    /**
     * The token endpoint takes client credentials in the form body too (RFC 6749 §2.3.1), where
     * no header shows them; its answer carries the refusal, which says whether any were sent.
     */
    private static boolean refusedCredentialsInTheBody(MutableHttpResponse<?> response) {
        return RouteAttributes.getException(response)
                .filter(failure -> failure instanceof TokenRequestRefused refused && refused.refusedSentCredentials())
                .isPresent();
    }
}
