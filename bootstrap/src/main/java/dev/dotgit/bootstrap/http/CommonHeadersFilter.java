package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.hosting.ServeSiteQuery;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.hateoas.JsonError;
import java.util.Map;

/**
 * What every response carries whatever answered it (CONTRACT §2.4, §2.7): the request id
 * (kept from the client when safe, else minted), also written into the request so that the
 * version adapters can put it in their error envelopes and into the logging context; and the
 * hardening headers. It runs first on the way in and last on the way out, so responses
 * produced by any later filter (authentication, site hosting) are covered too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CommonHeadersFilter implements Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    /**
     * An API answer is JSON for programs, never a page: nothing may load from it, frame it or
     * learn where the caller came from. Hosted sites are pages their owners wrote, so they do
     * not get these (their scripts, frames and styles must work).
     */
    private static final Map<String, String> API_ONLY = Map.of(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private final ServeSiteQuery sites;

    CommonHeadersFilter(ServeSiteQuery sites) {
        this.sites = sites;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void assignRequestId(MutableHttpRequest<?> request, MutablePropagatedContext context) {
        String requestId = RequestIds.acceptOrMint(request.getHeaders().get(REQUEST_ID));
        request.getHeaders().set(REQUEST_ID, requestId);
        context.add(new MdcPropagationContext(Map.of("request_id", requestId)));
    }

    @ResponseFilter
    MutableHttpResponse<?> addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> finished = response.getBody().orElse(null) instanceof JsonError
                ? UnversionedErrors.render(request, response)
                : response;
        decorate(request, finished);
        return finished;
    }

    private void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String requestId = request.getHeaders().get(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().set(REQUEST_ID, requestId);
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (!sites.isSiteHost(request.getHeaders().get(HttpHeaders.HOST))) {
            API_ONLY.forEach((name, value) -> response.getHeaders().set(name, value));
        }
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            // API answers are per caller and per moment; sites set their own caching.
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
