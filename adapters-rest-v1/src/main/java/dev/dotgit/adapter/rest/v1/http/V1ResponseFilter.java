package dev.dotgit.adapter.rest.v1.http;

import dev.dotgit.adapter.rest.v1.error.V1ErrorBody;
import dev.dotgit.adapter.rest.v1.error.V1ErrorRenderer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Finishes every response under {@code /v1}: the {@code Api-Version} header, the sunset
 * headers when v1 is being retired, and the v1 error envelope on errors the framework
 * answered by itself (unknown route, wrong method, wrong content type, oversized body …).
 *
 * <p>Scoped to v1's paths on purpose: v2 and v3 bring their own envelopes, so nothing here
 * may be global (no global exception handler, error route or error-response processor).
 * It runs among the first filters, so that its response side runs last and also re-renders
 * errors answered by filters nested inside it (a rate limit's 429, say).
 */
@ServerFilter({"/v1", "/v1/**"})
final class V1ResponseFilter implements Ordered {

    static final String API_VERSION = "Api-Version";

    private final V1ErrorRenderer errors;
    private final V1Sunset sunset;

    V1ResponseFilter(V1ErrorRenderer errors, V1Sunset sunset) {
        this.errors = errors;
        this.sunset = sunset;
    }

    @ResponseFilter
    public MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> finished =
                needsV1ErrorBody(request, response) ? errors.renderForeign(response) : response;
        finished.header(API_VERSION, "v1");
        sunset.decorate(request.getPath(), finished);
        return finished;
    }

    private static boolean needsV1ErrorBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return response.code() >= 400
                && request.getMethod() != HttpMethod.HEAD
                && !(response.getBody().orElse(null) instanceof V1ErrorBody);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
