package dev.dotgit.adapter.rest.v1.error;

import io.micronaut.http.HttpStatus;

/**
 * A request refused by the v1 adapter itself, before any use case could look at it: a body
 * that is not JSON, or one sent with the wrong content type. Expected, so it carries no stack
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

    public static RequestRejected invalidJson(String message) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, "invalid_json", message);
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
