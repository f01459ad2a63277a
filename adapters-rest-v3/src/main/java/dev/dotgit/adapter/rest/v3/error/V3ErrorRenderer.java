package dev.dotgit.adapter.rest.v3.error;

import dev.dotgit.adapter.rest.v3.http.RequestIds;
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
import java.util.ArrayList;
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
 * The one place that decides what a failed v3 request looks like: status, code, message,
 * details, the request id and the headers that go with them. Controllers hand it what they
 * threw; the v3 response filter hands it the framework's own error responses (unknown route,
 * wrong method, oversized body …), so every answer under {@code /v3} has the same shape.
 */
@Singleton
public final class V3ErrorRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(V3ErrorRenderer.class);
    private static final String INTERNAL_MESSAGE = "An unexpected error occurred on our side. Try again later; if it "
            + "persists, contact support with the request_id of this response.";
    private static final Set<String> HEADERS_OWNED_BY_THE_BODY = Set.of(
            HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));

    private final long maxRequestSize;

    public V3ErrorRenderer(HttpServerConfiguration server) {
        // API bodies are read whole, so the buffer limit is theirs; only streamed bodies (git pushes) may be larger.
        this.maxRequestSize = Math.min(server.getMaxRequestSize(), server.getMaxRequestBufferSize());
    }

    /**
     * Renders what a v3 route threw. Expected failures are answered quietly; anything else is
     * logged once, with the request id, and answered with a generic 500 that reveals nothing.
     */
    public MutableHttpResponse<V3ErrorEnvelope> renderFailure(HttpRequest<?> request, Throwable failure) {
        Rendering rendering = classify(failure);
        String requestId = RequestIds.of(request);
        if (rendering == null) {
            LOG.error("Unexpected failure of {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId, failure);
            rendering = internalError();
        } else if (rendering.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            LOG.error("Storage failure during {} {} [request {}]", request.getMethodName(),
                    request.getUri().getRawPath(), requestId, failure);
        }
        return rendering.toResponse(requestId);
    }

    /**
     * Re-renders an error response the framework (or a filter outside this adapter) produced
     * in its own shape. Its status and headers stand ({@code Allow}, {@code Retry-After} …),
     * except a domain error that reached the default handling, which gets its own status.
     */
    public MutableHttpResponse<V3ErrorEnvelope> renderForeign(HttpRequest<?> request, HttpResponse<?> response) {
        Throwable cause = RouteAttributes.getException(response).orElse(null);
        Rendering rendering = cause instanceof DomainError || cause instanceof RequestRejected
                ? classify(cause)
                : forStatus(response.code());
        MutableHttpResponse<V3ErrorEnvelope> rendered = rendering.toResponse(RequestIds.of(request));
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
        if (failure instanceof RequestRejected rejected) {
            return new Rendering(rejected.status().getCode(), rejected.code(), rejected.getMessage(),
                    rejected.details(), Map.of());
        }
        if (failure instanceof ContentLengthExceededException || failure instanceof BufferLengthExceededException) {
            return forStatus(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
        }
        if (failure instanceof NotAllowedException notAllowed) {
            return forStatus(HttpStatus.METHOD_NOT_ALLOWED.getCode()).withHeader(HttpHeaders.ALLOW,
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
     * 400 {@code validation_failed}: the message explains the first violation, {@code details.field}
     * names its field; when there are several, {@code details.errors} lists every one.
     */
    private static Rendering forInvalidInput(InvalidInput error) {
        Violation first = error.first();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", first.field());
        if (error.violations().size() > 1) {
            List<Map<String, String>> all = new ArrayList<>();
            for (Violation violation : error.violations()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("field", violation.field());
                entry.put("message", explain(violation));
                all.add(entry);
            }
            details.put("errors", all);
        }
        return general(HttpStatus.BAD_REQUEST, error.code(), explain(first), details);
    }

    /** One sentence per violation, in the seed's style: "Invalid environment value: 'prod'. Use 'production' instead." */
    static String explain(Violation violation) {
        String field = violation.field();
        String rule = sentence(violation.message());
        return switch (violation.problem()) {
            case MISSING -> "Missing required field: " + field + ".";
            case UNKNOWN_FIELD -> "Unknown field: '" + field + "'. " + ClosestValue.to(lastSegment(field),
                            violation.allowedValues())
                    .map(known -> "Did you mean '" + known + "'?")
                    .orElse(violation.allowedValues().isEmpty() ? "This request accepts no fields."
                            : "Allowed fields: " + String.join(", ", violation.allowedValues()) + ".");
            case NOT_ALLOWED -> "Invalid " + field + " value: '" + violation.rejectedValue() + "'. "
                    + ClosestValue.to(violation.rejectedValue(), violation.allowedValues())
                            .map(closest -> "Use '" + closest + "' instead.")
                            .orElse("Must be one of: " + String.join(", ", violation.allowedValues()) + ".");
            case WRONG_TYPE, OUT_OF_RANGE, BAD_FORMAT, BAD_HEADER -> "Invalid " + field + " value"
                    + (violation.rejectedValue() == null ? "" : ": '" + violation.rejectedValue() + "'") + ". "
                    + rule;
        };
    }

    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    private static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    /** RFC 6750 §3: every 401 names the scheme, and says the token was bad when one was sent. */
    private static Rendering unauthenticated(Unauthenticated error) {
        String challenge = error.credentialWasSent() ? "Bearer error=\"invalid_token\"" : "Bearer";
        return new Rendering(HttpStatus.UNAUTHORIZED.getCode(), error.code(), error.getMessage(), Map.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private Rendering forStatus(int code) {
        return switch (code) {
            case 400 -> general(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be understood.",
                    Map.of());
            case 401 -> new Rendering(401, "missing_api_key",
                    "No API key provided. Send it in the header 'Authorization: Bearer <secret key>'.", Map.of(),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
            case 403 -> general(HttpStatus.FORBIDDEN, "forbidden", "This request is not allowed.", Map.of());
            case 404 -> general(HttpStatus.NOT_FOUND, "not_found", "The requested resource does not exist.",
                    Map.of());
            case 405 -> general(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This method is not allowed for this resource; the Allow header lists the methods it accepts.",
                    Map.of());
            case 406 -> general(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                    "This resource cannot answer in a media type the Accept header allows.", Map.of());
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
                    ? new Rendering(code, "bad_request", "The request could not be processed.", Map.of(), Map.of())
                    : new Rendering(code, "internal_error", INTERNAL_MESSAGE, Map.of(), Map.of());
        };
    }

    private static Rendering internalError() {
        return general(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", INTERNAL_MESSAGE, Map.of());
    }

    private static Rendering general(HttpStatus status, String code, String message, Map<String, Object> details) {
        return new Rendering(status.getCode(), code, message, details, Map.of());
    }

    private record Rendering(int status, String code, String message, Map<String, Object> details,
                             Map<String, String> headers) {

        Rendering withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Rendering(status, code, message, details, more);
        }

        MutableHttpResponse<V3ErrorEnvelope> toResponse(String requestId) {
            MutableHttpResponse<V3ErrorEnvelope> response =
                    HttpResponse.status(status, HttpStatus.getDefaultReason(status));
            headers.forEach(response::header);
            V3ErrorEnvelope body = new V3ErrorEnvelope(
                    new V3ErrorEnvelope.ErrorObject(code, message, details, requestId));
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
    }
}
