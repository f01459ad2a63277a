package dev.dotgit.bootstrap.http;

import dev.dotgit.bootstrap.DotgitConfiguration;
import dev.dotgit.bootstrap.TransportSecurity;
import dev.dotgit.domain.error.HttpsRequired;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.InetSocketAddress;

/**
 * With {@code dotgit.require-https}, refuses API requests that did not come over HTTPS with
 * 403 {@code https_required} (CONTRACT §2.9), before any route reads or changes anything.
 *
 * <p>Where it stands: hosted sites are answered by the hosting filter before this one (their
 * URLs are {@code http://} by contract), and {@code /health} stays reachable on the plain port
 * for orchestrators' probes. A refusal on a version's path carries the domain error, so that
 * version's response filter renders it in its own envelope; elsewhere it is answered in the
 * unversioned shape.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// Absent from the filter chain unless asked for, so plain-HTTP servers pay nothing per request.
@Requires(property = "dotgit.require-https", value = "true")
class RequireHttpsFilter implements Ordered {

    private final TransportSecurity transport;

    RequireHttpsFilter(DotgitConfiguration configuration) {
        this.transport = configuration.transport();
    }

    @Override
    public int getOrder() {
        // Inside the version filters (they render the refusal), before idempotency and the routes.
        return ServerFilterPhase.SECURITY.before();
    }

    /** @return null to let the request on, or the refusal */
    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refusePlainHttp(HttpRequest<?> request) {
        if (isHealthCheck(request.getPath())) {
            return null;
        }
        InetSocketAddress from = request.getRemoteAddress();
        boolean secure = transport.isSecure(request.isSecure(), from == null ? null : from.getAddress(),
                request.getHeaders().get("X-Forwarded-Proto"));
        if (secure) {
            return null;
        }
        return Refusals.refuse(request, HttpStatus.FORBIDDEN, new HttpsRequired());
    }

    private static boolean isHealthCheck(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }
}
