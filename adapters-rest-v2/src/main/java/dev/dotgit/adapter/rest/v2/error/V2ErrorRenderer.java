package dev.dotgit.adapter.rest.v2.error;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failed v2 request looks like: status, code, message,
 * details (always with the request id) and the headers that go with them. Controllers hand it
 * what they threw; the v2 response filter hands it the framework's own error responses.
 *
 * <p>Statuses by the domain's error category, as in every version: not found 404, conflict
 * 409 (a name taken, a final deployment, an archived project), bad request 400 (unusable
 * branch or commit, malformed JSON), invalid input 400 {@code validation_failed} (v2 has no
 * 422), unauthenticated 401, forbidden 403, unavailable 503.
 */
@Singleton
public final class V2ErrorRenderer {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(V2ErrorRenderer.class);
    private static final String INTERNAL_MESSAGE = "An unexpected error occurred on our side. Try again later; if it "
            + "persists, contact support with the request_id of this response.";
    private static final Set<String> HEADERS_OWNED_BY_THE_BODY = Set.of(
            HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));

    private final long maxRequestSize;

    public V2ErrorRenderer(HttpServerConfiguration server) {
        // API bodies are read whole, so the buffer limit is theirs; only streamed bodies (git pushes) may be larger.
        this.maxRequestSize = Math.min(server.getMaxRequestSize(), server.getMaxRequestBufferSize());
    }

    /**
     * Renders what a v2 route (or v2's log-stream guard) threw. Expected failures are answered
     * quietly; anything else is logged once with the request id and answered with a generic
     * 500 that reveals nothing of the cause.
     */
    public MutableHttpResponse<V2ErrorBody> renderFailure(HttpRequest<?> request, Throwable failure) {
        Rendering rendering = classify(failure);
        if (rendering == null) {
            LOG.error("Unexpected failure of {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId(request), failure);
            rendering = internalError();
        } else if (rendering.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            LOG.error("Storage failure during {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId(request), failure);
        }
        return rendering.toResponse(request);
    }

    /**
     * Re-renders an error response the framework (or a filter outside this adapter) produced in
     * its own shape. Its status and headers stand ({@code Allow} on a 405, {@code Retry-After}
     * on a 429), except for a domain error that reached the default handling, which gets the
     * status of its category.
     */
    public MutableHttpResponse<V2ErrorBody> renderForeign(HttpRequest<?> request, HttpResponse<?> response) {
        Throwable cause = RouteAttributes.getException(response).orElse(null);
        Rendering rendering = cause instanceof DomainError || cause instanceof V2RequestRejected
                ? classify(cause)
                : forStatus(response.code());
        MutableHttpResponse<V2ErrorBody> rendered = rendering.toResponse(request);
        response.getHeaders().forEach((name, values) -> {
            if (!HEADERS_OWNED_BY_THE_BODY.contains(name.toLowerCase(Locale.ROOT))
                    && !rendered.getHeaders().contains(name)) {
                values.forEach(value -> rendered.getHeaders().add(name, value));
            }
        });
        return rendered;
    }

    private Rendering classify(Throwable failure) {
        if (failure instanceof DomainError error) {
            return forDomainError(error);
        }
        if (failure instanceof V2RequestRejected rejected) {
            Rendering rendering = new Rendering(rejected.status().getCode(), rejected.code(), rejected.getMessage(),
                    rejected.details(), Map.of());
            return rejected.status() == HttpStatus.UPGRADE_REQUIRED
                    ? rendering.withHeader("Upgrade", "websocket").withHeader(HttpHeaders.CONNECTION, "Upgrade")
                    : rendering;
        }
        if (failure instanceof ContentLengthExceededException || failure instanceof BufferLengthExceededException) {
            return forStatus(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
        }
        if (failure instanceof NotAllowedException notAllowed) {
            return forStatus(HttpStatus.METHOD_NOT_ALLOWED.getCode())
                    .withHeader(HttpHeaders.ALLOW, String.join(", ", new TreeSet<>(notAllowed.getAllowedMethods())));
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

    private static Rendering forDomainError(DomainError error) {
        Map<String, Object> details = new TreeMap<>(error.details());
        return switch (error.category()) {
            case NOT_FOUND -> general(HttpStatus.NOT_FOUND, error, details);
            case CONFLICT -> general(HttpStatus.CONFLICT, error, details);
            case UNPROCESSABLE -> general(HttpStatus.UNPROCESSABLE_ENTITY, error, details);
            case BAD_REQUEST -> general(HttpStatus.BAD_REQUEST, error, details);
            case INVALID_INPUT -> forInvalidInput((InvalidInput) error);
            case UNAUTHENTICATED -> unauthenticated((Unauthenticated) error);
            case FORBIDDEN -> general(HttpStatus.FORBIDDEN, error, details);
            case RATE_LIMITED -> general(HttpStatus.TOO_MANY_REQUESTS, error, details)
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(((RateLimited) error).retryAfterSeconds()));
            case UNAVAILABLE -> general(HttpStatus.SERVICE_UNAVAILABLE, error, details);
        };
    }

    /**
     * Every kind of bad input is one 400 {@code validation_failed} in v2, naming the first
     * field at fault (in the order the route reads its fields) in {@code details.field} (and, for an enumeration, its allowed values).
     */
    private static Rendering forInvalidInput(InvalidInput error) {
        Violation first = error.first();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", first.field());
        if (!first.allowedValues().isEmpty()) {
            details.put("allowed_values", first.allowedValues());
        }
        String message = first.problem() == Problem.MISSING
                ? "Missing required field: " + first.field()
                : "Invalid value for '" + first.field() + "': " + first.message();
        return new Rendering(HttpStatus.BAD_REQUEST.getCode(), error.code(), message, details, Map.of());
    }

    /** RFC 6750 §3: every 401 names the scheme, and says the token was bad when one was sent. */
    private static Rendering unauthenticated(Unauthenticated error) {
        String challenge = error.credentialWasSent() ? "Bearer error=\"invalid_token\"" : "Bearer";
        return general(HttpStatus.UNAUTHORIZED, error, Map.of()).withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    private Rendering forStatus(int code) {
        return switch (code) {
            case 400 -> general(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be understood.");
            case 401 -> general(HttpStatus.UNAUTHORIZED, "unauthorized", "This request needs a valid API key.");
            case 403 -> general(HttpStatus.FORBIDDEN, "forbidden", "This request is not allowed.");
            case 404 -> general(HttpStatus.NOT_FOUND, "not_found", "The requested resource does not exist.");
            case 405 -> general(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This method is not allowed for this resource; the Allow header lists the methods it accepts.");
            case 406 -> general(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                    "This resource answers with application/json only.");
            case 413 -> general(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "The request body exceeds the limit of " + maxRequestSize + " bytes.");
            // Request heads over Netty's limits (bootstrap's OversizedRequestHeads).
            case 414 -> general(HttpStatus.REQUEST_URI_TOO_LONG, "uri_too_long",
                    "The request line is longer than the server accepts; shorten the path and query.");
            case 431 -> general(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large",
                    "The request headers are larger than the server accepts.");
            case 415 -> classify(V2RequestRejected.unsupportedMediaType());
            case 429 -> general(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded",
                    "Too many requests; retry after the number of seconds in the Retry-After header.");
            case 503 -> general(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                    "The service is temporarily unavailable; try again shortly.");
            default -> code >= 400 && code < 500
                    ? new Rendering(code, "bad_request", "The request could not be processed.", Map.of(), Map.of())
                    : new Rendering(code, "internal_error", INTERNAL_MESSAGE, Map.of(), Map.of());
        };
    }

    private static Rendering internalError() {
        return general(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", INTERNAL_MESSAGE);
    }

    private static Rendering general(HttpStatus status, DomainError error, Map<String, Object> details) {
        return new Rendering(status.getCode(), error.code(), error.getMessage(), details, Map.of());
    }

    private static Rendering general(HttpStatus status, String code, String message) {
        return new Rendering(status.getCode(), code, message, Map.of(), Map.of());
    }

    /** The id of this request as the response will carry it (see the v2 response filter). */
    public static String requestId(HttpRequest<?> request) {
        return request.getHeaders().get(REQUEST_ID_HEADER);
    }

    private record Rendering(int status, String code, String message, Map<String, Object> details,
                             Map<String, String> headers) {

        Rendering withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Rendering(status, code, message, details, more);
        }

        MutableHttpResponse<V2ErrorBody> toResponse(HttpRequest<?> request) {
            Map<String, Object> allDetails = new LinkedHashMap<>();
            allDetails.put("request_id", requestId(request));
            allDetails.putAll(details);
            MutableHttpResponse<V2ErrorBody> response =
                    HttpResponse.status(status, HttpStatus.getDefaultReason(status));
            headers.forEach(response::header);
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new V2ErrorBody(new V2ErrorBody.ErrorObject(code, message, status, allDetails)));
        }
    }
}
