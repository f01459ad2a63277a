package dev.dotgit.adapter.rest.v1.error;

import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.error.InvalidInput.Problem;
import dev.dotgit.domain.error.InvalidInput.Violation;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.RateLimited;
import dev.dotgit.domain.error.Unauthenticated;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failed v1 request looks like (CONTRACT C2/C3): the
 * status, the envelope, the code and message, and the headers that go with them. Controllers
 * hand it what they threw; the v1 response filter hands it the framework's own error
 * responses (unknown route, wrong method, oversized body …) so that every answer under
 * {@code /v1} has the same two shapes.
 */
@Singleton
public final class V1ErrorRenderer {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(V1ErrorRenderer.class);
    private static final String INTERNAL_MESSAGE = "An unexpected error occurred on our side. Try again later; if it "
            + "persists, contact support with the X-Request-Id of this response.";
    private static final Set<String> HEADERS_OWNED_BY_THE_BODY = Set.of(
            HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));

    private final long maxRequestSize;

    public V1ErrorRenderer(HttpServerConfiguration server) {
        // API bodies are read whole, so the buffer limit is theirs; only streamed bodies (git pushes) may be larger.
        this.maxRequestSize = Math.min(server.getMaxRequestSize(), server.getMaxRequestBufferSize());
    }

    /**
     * Renders what a v1 route threw. Expected failures (the domain's errors, refused input)
     * are answered quietly; anything else is logged once, with the request id, and answered
     * with a generic 500 that reveals nothing of the cause.
     */
    public MutableHttpResponse<V1ErrorBody> renderFailure(HttpRequest<?> request, Throwable failure) {
        Rendering rendering = classify(failure);
        if (rendering == null) {
            LOG.error("Unexpected failure of {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId(request), failure);
            rendering = internalError();
        } else if (rendering.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            LOG.error("Storage failure during {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId(request), failure);
        }
        return rendering.toResponse();
    }

    /**
     * Re-renders an error response the framework (or a filter outside this adapter) produced
     * in its own shape. Its status stands, except for a domain error that reached the default
     * handling, which gets the status its category calls for. Its headers are kept (e.g.
     * {@code Allow} on a 405, {@code Retry-After} on a 429). Nothing is logged here: whoever
     * produced the response has already decided that.
     */
    public MutableHttpResponse<V1ErrorBody> renderForeign(HttpResponse<?> response) {
        Throwable cause = RouteAttributes.getException(response).orElse(null);
        Rendering rendering = cause instanceof DomainError || cause instanceof RequestRejected
                ? classify(cause)
                : forStatus(response.code());
        MutableHttpResponse<V1ErrorBody> rendered = rendering.toResponse();
        response.getHeaders().forEach((name, values) -> {
            if (!HEADERS_OWNED_BY_THE_BODY.contains(name.toLowerCase(Locale.ROOT))
                    && !rendered.getHeaders().contains(name)) {
                values.forEach(value -> rendered.getHeaders().add(name, value));
            }
        });
        return rendered;
    }

    /** The rendering of a known failure, or null when the failure was not expected at all. */
    private Rendering classify(Throwable failure) {
        if (failure instanceof DomainError error) {
            return forDomainError(error);
        }
        if (failure instanceof RequestRejected rejected) {
            return general(rejected.status(), rejected.code(), rejected.getMessage(), Map.of());
        }
        if (failure instanceof ContentLengthExceededException || failure instanceof BufferLengthExceededException) {
            return forStatus(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
        }
        if (failure instanceof NotAllowedException notAllowed) {
            Rendering rendering = forStatus(HttpStatus.METHOD_NOT_ALLOWED.getCode());
            return rendering.withHeader(HttpHeaders.ALLOW,
                    String.join(", ", new TreeSet<>(notAllowed.getAllowedMethods())));
        }
        if (failure instanceof HttpStatusException statusException) {
            return forStatus(statusException.getStatus().getCode());
        }
        if (failure instanceof ConversionErrorException || failure instanceof UnsatisfiedRouteException
                || failure instanceof CodecException || failure instanceof JsonSyntaxException) {
            return forStatus(HttpStatus.BAD_REQUEST.getCode());
        }
        return null;
    }

    private Rendering forDomainError(DomainError error) {
        Map<String, Object> details = new TreeMap<>(error.details());
        return switch (error.category()) {
            case NOT_FOUND -> general(HttpStatus.NOT_FOUND, error.code(), error.getMessage(), details);
            case CONFLICT -> general(HttpStatus.CONFLICT, error.code(), error.getMessage(), details);
            // C2: idempotency_key_reused is a 422 in the general (004) shape, with its string code
            case UNPROCESSABLE -> general(HttpStatus.UNPROCESSABLE_ENTITY, error.code(), error.getMessage(), details);
            case BAD_REQUEST -> general(HttpStatus.BAD_REQUEST, error.code(), error.getMessage(), details);
            case INVALID_INPUT -> forInvalidInput((InvalidInput) error);
            case UNAUTHENTICATED -> unauthenticated((Unauthenticated) error);
            case FORBIDDEN -> general(HttpStatus.FORBIDDEN, error.code(), error.getMessage(), details);
            case RATE_LIMITED -> general(HttpStatus.TOO_MANY_REQUESTS, error.code(), error.getMessage(), details)
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(((RateLimited) error).retryAfterSeconds()));
            case UNAVAILABLE -> general(HttpStatus.SERVICE_UNAVAILABLE, error.code(), error.getMessage(), details);
        };
    }

    /**
     * C3: a missing field is a 400 {@code missing_field} (naming the first in field order in
     * {@code field}, and all of them in {@code fields}); present values that break their rule
     * are a 422 in the seed-001 shape, one entry per violation; a bad request header is a 400
     * {@code validation_failed} in the general shape.
     */
    private static Rendering forInvalidInput(InvalidInput error) {
        Violation header = error.violations().stream()
                .filter(v -> v.problem() == Problem.BAD_HEADER)
                .findFirst()
                .orElse(null);
        if (header != null) {
            // C2 keeps the numeric 422 shape for body fields and query parameters; a header is
            // neither, so it is a 400 in the general shape naming the header
            return general(HttpStatus.BAD_REQUEST, error.code(), header.field() + ": " + header.message(),
                    Map.of("field", header.field()));
        }
        List<String> missing = error.violations().stream()
                .filter(v -> v.problem() == Problem.MISSING)
                .map(Violation::field)
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", missing.get(0));
            details.put("fields", missing);
            String message = missing.size() == 1
                    ? "Missing required field: " + missing.get(0)
                    : "Missing required fields: " + String.join(", ", missing);
            return general(HttpStatus.BAD_REQUEST, "missing_field", message, details);
        }
        List<ValidationErrorEnvelope.FieldError> fields = error.violations().stream()
                .map(v -> new ValidationErrorEnvelope.FieldError(v.field(), v.message()))
                .toList();
        return new Rendering(HttpStatus.UNPROCESSABLE_ENTITY, ValidationErrorEnvelope.of(fields), Map.of());
    }

    /** RFC 6750 §3: every 401 names the scheme, and says the token was bad when one was sent. */
    private static Rendering unauthenticated(Unauthenticated error) {
        String challenge = error.credentialWasSent() ? "Bearer error=\"invalid_token\"" : "Bearer";
        return new Rendering(HttpStatus.UNAUTHORIZED, ErrorEnvelope.of(error.code(), error.getMessage(), Map.of()),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private Rendering forStatus(int code) {
        return switch (code) {
            case 400 -> general(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be understood.",
                    Map.of());
            case 401 -> general(HttpStatus.UNAUTHORIZED, "unauthorized", "This request needs a valid API key.",
                    Map.of());
            case 403 -> general(HttpStatus.FORBIDDEN, "forbidden", "This request is not allowed.", Map.of());
            case 404 -> general(HttpStatus.NOT_FOUND, "not_found", "The requested resource does not exist.",
                    Map.of());
            case 405 -> general(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This method is not allowed for this resource; the Allow header lists the methods it accepts.",
                    Map.of());
            case 406 -> general(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                    "This resource answers with application/json only.", Map.of());
            case 413 -> general(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "The request body exceeds the limit of " + maxRequestSize + " bytes.", Map.of());
            // Request heads over Netty's limits (bootstrap's OversizedRequestHeads).
            case 414 -> general(HttpStatus.REQUEST_URI_TOO_LONG, "uri_too_long",
                    "The request line is longer than the server accepts; shorten the path and query.", Map.of());
            case 431 -> general(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large",
                    "The request headers are larger than the server accepts.", Map.of());
            case 415 -> {
                RequestRejected rejected = RequestRejected.unsupportedMediaType();
                yield general(rejected.status(), rejected.code(), rejected.getMessage(), Map.of());
            }
            case 429 -> general(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded",
                    "Too many requests; retry after the number of seconds in the Retry-After header.", Map.of());
            case 503 -> general(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                    "The service is temporarily unavailable; try again shortly.", Map.of());
            default -> code >= 400 && code < 500
                    ? general(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be processed.", Map.of())
                            .withStatusCode(code)
                    : internalError().withStatusCode(code);
        };
    }

    private static Rendering internalError() {
        return general(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", INTERNAL_MESSAGE, Map.of());
    }

    private static Rendering general(HttpStatus status, String code, String message, Map<String, Object> details) {
        return new Rendering(status, ErrorEnvelope.of(code, message, details), Map.of());
    }

    static String requestId(HttpRequest<?> request) {
        String id = request.getHeaders().get(REQUEST_ID_HEADER);
        return id == null ? "-" : id;
    }

    private record Rendering(int status, V1ErrorBody body, Map<String, String> headers) {

        Rendering(HttpStatus status, V1ErrorBody body, Map<String, String> headers) {
            this(status.getCode(), body, headers);
        }

        Rendering withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Rendering(status, body, more);
        }

        /** Keeps a status the framework chose that has no entry of its own in the table above. */
        Rendering withStatusCode(int code) {
            return new Rendering(code, body, headers);
        }

        MutableHttpResponse<V1ErrorBody> toResponse() {
            MutableHttpResponse<V1ErrorBody> response =
                    HttpResponse.status(status, HttpStatus.getDefaultReason(status));
            headers.forEach(response::header);
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
    }
}
