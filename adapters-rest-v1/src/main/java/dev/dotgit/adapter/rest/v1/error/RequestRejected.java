package dev.dotgit.adapter.rest.v1.error;

import io.micronaut.http.HttpStatus;

/**
 * A request refused by the v1 adapter itself at the HTTP level, before any use case could
 * look at it: a body sent without the JSON content type. (A body that is not JSON is the
 * domain's {@code MalformedJson}, shared by every version.) Expected, so it carries no stack
 * trace and is never logged as a failure.
 */
public final class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private RequestRejected(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RequestRejected unsupportedMediaType() {
        return new RequestRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Request bodies must be sent as JSON with the header 'Content-Type: application/json'.");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
