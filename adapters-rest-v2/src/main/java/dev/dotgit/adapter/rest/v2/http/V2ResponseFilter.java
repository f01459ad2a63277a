package dev.dotgit.adapter.rest.v2.http;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.oauth.OAuthErrorBody;
import dev.dotgit.domain.shared.Ids;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.regex.Pattern;

/**
 * Frames every exchange under {@code /v2}: makes sure the request has an id (bootstrap's
 * common filter normally assigned one already; this keeps the module whole on its own, with
 * the same rule), and finishes every response with {@code Api-Version: v2}, the request id,
 * and the v2 envelope on errors the framework answered by itself (unknown route, wrong method,
 * wrong content type, oversized body, a 429 of a filter nested inside this one). The token
 * endpoint's RFC 6749 errors keep their own shape.
 *
 * <p>Scoped to v2's paths on purpose: nothing here is global, so v1 and v3 keep their own
 * envelopes.
 */
@ServerFilter({"/v2", "/v2/**"})
final class V2ResponseFilter implements Ordered {

    static final String API_VERSION = "Api-Version";
    /** CONTRACT §2.4, the rule bootstrap applies too: a client's id is kept if short and safe to echo. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final V2ErrorRenderer errors;

    V2ResponseFilter(V2ErrorRenderer errors) {
        this.errors = errors;
    }

    @RequestFilter
    void identify(MutableHttpRequest<?> request) {
        String sent = request.getHeaders().get(V2ErrorRenderer.REQUEST_ID_HEADER);
        if (sent == null || !SAFE_REQUEST_ID.matcher(sent).matches()) {
            request.getHeaders().set(V2ErrorRenderer.REQUEST_ID_HEADER, Ids.newId("req"));
        }
    }

    @ResponseFilter
    public MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> finished =
                needsV2ErrorBody(request, response) ? errors.renderForeign(request, response) : response;
        finished.header(API_VERSION, "v2");
        String requestId = V2ErrorRenderer.requestId(request);
        if (requestId != null) {
            finished.getHeaders().set(V2ErrorRenderer.REQUEST_ID_HEADER, requestId);
        }
        return finished;
    }

    private static boolean needsV2ErrorBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return response.code() >= 400
                && request.getMethod() != HttpMethod.HEAD
                && !(response.getBody().orElse(null) instanceof V2ErrorBody)
                && !(response.getBody().orElse(null) instanceof OAuthErrorBody);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
