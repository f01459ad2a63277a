package dev.dotgit.bootstrap.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * Errors on paths that belong to no API version (an unknown {@code /anything}, a wrong method
 * on {@code /health}): every version renders its own paths, and this keeps the framework's
 * default body (hypermedia links, internal wording) from reaching a caller anywhere else. The
 * shape is the newest version's, with the request id at the top level.
 */
final class UnversionedErrors {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Body(Error error) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Error(String code, String message, Map<String, String> details, String requestId) {
    }

    private UnversionedErrors() {
    }

    /** A refusal decided by the server itself (not by the framework), with its own code and message. */
    static MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String code, String message) {
        return HttpResponse.<Body>status(status)
                .body(new Body(new Error(code, message, Map.of(), request.getHeaders().get(CommonHeadersFilter.REQUEST_ID))));
    }

    static MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> framework) {
        int status = framework.code();
        String[] codeAndMessage = switch (status) {
            case 404 -> new String[] {"not_found", "The requested resource does not exist."};
            case 405 -> new String[] {"method_not_allowed", "This method is not allowed on this resource."};
            case 413 -> new String[] {"payload_too_large", "The request body is larger than the 1 MiB limit."};
            case 415 -> new String[] {"unsupported_media_type", "This content type is not accepted here."};
            default -> status >= 500
                    ? new String[] {"internal_error", "The server could not complete the request."}
                    : new String[] {"bad_request", "The request could not be understood."};
        };
        MutableHttpResponse<Body> rendered = HttpResponse.<Body>status(HttpStatus.valueOf(status))
                .body(new Body(new Error(codeAndMessage[0], codeAndMessage[1], Map.of(),
                        request.getHeaders().get(CommonHeadersFilter.REQUEST_ID))));
        framework.getHeaders().findFirst(HttpHeaders.ALLOW).ifPresent(allow -> rendered.header(HttpHeaders.ALLOW, allow));
        return rendered;
    }
}
