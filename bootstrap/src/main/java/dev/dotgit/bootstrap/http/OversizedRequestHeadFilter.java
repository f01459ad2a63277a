package dev.dotgit.bootstrap.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses the stand-in that {@link OversizedRequestHeads} puts in place of a request whose head
 * was too long: 414 URI Too Long for a request line over the limit, 431 Request Header Fields Too
 * Large for headers over it. On a version's path the bare status is rendered by that version's
 * response filter in its envelope; elsewhere (and always for a too-long line, whose path is
 * lost) in the unversioned shape.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OversizedRequestHeadFilter implements Ordered {

    @Override
    public int getOrder() {
        // Inside the version filters (they render the refusal), before anything that authenticates or reads.
        return ServerFilterPhase.FIRST.after() + 1;
    }

    /** @return null to let the request on, or the refusal */
    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseOversizedHead(HttpRequest<?> request) {
        String oversized = request.getHeaders().get(OversizedRequestHeads.MARKER);
        if (oversized == null) {
            return null;
        }
        boolean line = OversizedRequestHeads.LINE.equals(oversized);
        HttpStatus status = line ? HttpStatus.REQUEST_URI_TOO_LONG : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        if (request.getPath().matches("/v[0-9]+(/.*)?")) {
            return HttpResponse.status(status);
        }
        return line
                ? UnversionedErrors.render(request, status, "uri_too_long",
                        "The request line is longer than the server accepts; shorten the path and query.")
                : UnversionedErrors.render(request, status, "request_header_fields_too_large",
                        "The request headers are larger than the server accepts.");
    }
}
