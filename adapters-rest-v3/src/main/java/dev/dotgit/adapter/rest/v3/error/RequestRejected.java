package dev.dotgit.adapter.rest.v3.error;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A request refused by the v3 adapter itself, before any use case could look at it: a body
 * without the JSON content type, or a pagination cursor this adapter did not issue. Expected,
 * so it carries no stack trace and is never logged as a failure.
 */
public final class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> details;

    private RequestRejected(HttpStatus status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static RequestRejected unsupportedMediaType() {
        return new RequestRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Request bodies must be sent as JSON with the header 'Content-Type: application/json'.", Map.of());
    }

    /** A cursor that is garbled, forged, or was issued for another list. */
    public static RequestRejected invalidCursor(String field) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor is not valid for this list. Use the next_cursor (or X-Next-Cursor) of a previous page "
                        + "of the same list unchanged, or leave it out to start from the beginning.",
                Map.of("field", field));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
