package dev.dotgit.bootstrap.http;

import dev.dotgit.domain.error.DomainError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.web.router.RouteAttributes;

/**
 * How bootstrap's filters refuse a request without rendering it themselves: on a version's
 * path the answer carries the domain error, and that version's response filter renders it in
 * its envelope; anywhere else it is answered in the unversioned shape.
 */
final class Refusals {

    private Refusals() {
    }

    static MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, DomainError error) {
        if (request.getPath().matches("/v[0-9]+(/.*)?")) {
            MutableHttpResponse<?> response = HttpResponse.status(status);
            RouteAttributes.setException(response, error);
            return response;
        }
        return UnversionedErrors.render(request, status, error.code(), error.getMessage());
    }
}
