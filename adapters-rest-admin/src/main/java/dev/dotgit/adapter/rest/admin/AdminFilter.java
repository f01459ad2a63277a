package dev.dotgit.adapter.rest.admin;

import dev.dotgit.application.port.in.auth.AuthenticateOperatorUseCase;
import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.Unauthenticated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.TreeSet;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /admin/**} with the operator token and renders every failure there in the
 * admin envelope: failures of the admin controller through its local error route (so the
 * framework never logs an expected error as unexpected), the framework's own answers
 * (unknown route, 405, 413, 415) here on the way out. Without a configured token the surface
 * does not exist: every admin path answers 404 before anything else is looked at.
 */
@ServerFilter("/admin/**")
@jakarta.inject.Singleton
class AdminFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminFilter.class);
    private static final String RENDERED = "dotgit.admin.rendered";

    private final AuthenticateOperatorUseCase operator;

    AdminFilter(AuthenticateOperatorUseCase operator) {
        this.operator = operator;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!operator.isOperatorSurfaceEnabled()) {
            return render(request, HttpStatus.NOT_FOUND, "not_found", "The requested resource does not exist.",
                    Map.of());
        }
        try {
            operator.verify(bearerToken(request));
            return null;
        } catch (Unauthenticated e) {
            return unauthenticated(request, e);
        }
    }

    @ResponseFilter
    @Nullable
    HttpResponse<?> renderErrors(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getAttribute(RENDERED).isPresent()) {
            return null;
        }
        Optional<Throwable> failure = response.getAttribute(HttpAttributes.EXCEPTION, Throwable.class);
        if (failure.isPresent() && failure.get() instanceof DomainError error) {
            return renderDomainError(request, error);
        }
        String allow = response.getHeaders().findFirst(HttpHeaders.ALLOW).orElse(null);
        if (response.code() >= 500) {
            LOG.error("admin request {} {} failed [request_id={}]", request.getMethod(), request.getPath(),
                    requestId(request), failure.orElse(null));
        }
        return renderStatus(request, response.code(), allow);
    }

    /** The admin envelope for an answer the framework chose by status alone. */
    private static MutableHttpResponse<?> renderStatus(HttpRequest<?> request, int status, String allow) {
        return switch (status) {
            case 404 -> render(request, HttpStatus.NOT_FOUND, "not_found", "The requested resource does not exist.",
                    Map.of());
            case 405 -> {
                MutableHttpResponse<?> rendered = render(request, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                        "This method is not allowed on this resource.", Map.of());
                if (allow != null) {
                    rendered.header(HttpHeaders.ALLOW, allow);
                }
                yield rendered;
            }
            case 413 -> render(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "The request body is larger than the 1 MiB limit.", Map.of());
            case 415 -> render(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the request body as application/json.", Map.of());
            default -> status >= 500
                    ? render(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                            "The server could not complete the request.", Map.of())
                    : render(request, HttpStatus.BAD_REQUEST, "bad_request", "The request could not be understood.",
                            Map.of());
        };
    }

    /** Renders a failure of an admin route; called by the controller's local error route. */
    MutableHttpResponse<?> renderFailure(HttpRequest<?> request, Throwable failure) {
        if (failure instanceof DomainError error) {
            return renderDomainError(request, error);
        }
        // The framework's own refusals reach a controller's error route as exceptions too.
        if (failure instanceof NotAllowedException notAllowed) {
            return renderStatus(request, 405, String.join(", ", new TreeSet<>(notAllowed.getAllowedMethods())));
        }
        if (failure instanceof ContentLengthExceededException) {
            return renderStatus(request, 413, null);
        }
        if (failure instanceof HttpStatusException statusException && statusException.getStatus().getCode() < 500) {
            return renderStatus(request, statusException.getStatus().getCode(), null);
        }
        if (failure instanceof ConversionErrorException || failure instanceof UnsatisfiedRouteException) {
            return renderStatus(request, 400, null);
        }
        LOG.error("admin request {} {} failed [request_id={}]", request.getMethod(), request.getPath(),
                requestId(request), failure);
        return render(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request.", Map.of());
    }

    private MutableHttpResponse<?> renderDomainError(HttpRequest<?> request, DomainError error) {
        if (error instanceof Unauthenticated unauthenticated) {
            return unauthenticated(request, unauthenticated);
        }
        if (error instanceof InvalidInput invalid) {
            InvalidInput.Violation first = invalid.first();
            return render(request, HttpStatus.BAD_REQUEST, "validation_failed", first.field() + ": " + first.message(),
                    Map.of("field", first.field()));
        }
        HttpStatus status = switch (error.category()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case BAD_REQUEST, INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return render(request, status, error.code(), error.getMessage(), error.details());
    }

    private MutableHttpResponse<?> unauthenticated(HttpRequest<?> request, Unauthenticated e) {
        return render(request, HttpStatus.UNAUTHORIZED, e.code(), e.getMessage(), Map.of())
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        e.credentialWasSent() ? "Bearer error=\"invalid_token\"" : "Bearer");
    }

    private static MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String code,
                                                 String message, Map<String, String> details) {
        MutableHttpResponse<AdminErrorBody> response = HttpResponse.status(status)
                .body(AdminErrorBody.of(code, message, details, requestId(request)));
        response.setAttribute(RENDERED, true);
        return response;
    }

    private static String requestId(HttpRequest<?> request) {
        return request.getHeaders().get("X-Request-Id");
    }

    private static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
