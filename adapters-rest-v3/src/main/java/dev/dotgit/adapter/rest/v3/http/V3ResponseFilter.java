package dev.dotgit.adapter.rest.v3.http;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Finishes every response under {@code /v3}: the {@code Api-Version: v3} header, the request
 * id, and the v3 error envelope on errors the framework answered by itself (unknown route,
 * wrong method, wrong content type, oversized body …).
 *
 * <p>Scoped to v3's paths on purpose, like v1's: every version brings its own envelope, so
 * nothing here may be global. It runs among the first filters, so its response side runs last
 * and also re-renders errors answered by filters nested inside it (a rate limit's 429, say).
 */
@ServerFilter({"/v3", "/v3/**"})
final class V3ResponseFilter implements Ordered {

    static final String API_VERSION = "Api-Version";

    private final V3ErrorRenderer errors;

    V3ResponseFilter(V3ErrorRenderer errors) {
        this.errors = errors;
    }

    @RequestFilter
    void assignRequestId(MutableHttpRequest<?> request) {
        RequestIds.ensure(request);
    }

    @ResponseFilter
    public MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> finished = needsV3ErrorBody(request, response)
                ? errors.renderForeign(request, response)
                : response;
        finished.header(API_VERSION, "v3");
        finished.header(RequestIds.HEADER, RequestIds.of(request));
        return finished;
    }

    private static boolean needsV3ErrorBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return response.code() >= 400
                && request.getMethod() != HttpMethod.HEAD
                && !(response.getBody().orElse(null) instanceof V3ErrorEnvelope);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
