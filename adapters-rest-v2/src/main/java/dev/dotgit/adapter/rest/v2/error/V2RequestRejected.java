package dev.dotgit.adapter.rest.v2.error;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A request v2 refuses at the HTTP level, before any use case could look at it: a body of the
 * wrong content type, a cursor that v2 did not issue, a plain GET on the log stream. (What the
 * domain refuses is a {@code DomainError}.) Expected, so it carries no stack trace.
 */
public final class V2RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> details;

    private V2RequestRejected(HttpStatus status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static V2RequestRejected unsupportedMediaType() {
        return new V2RequestRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Request bodies must be sent as JSON with the header 'Content-Type: application/json'.", Map.of());
    }

    /** A cursor this server did not hand out (garbled, edited, made up, or from another list). */
    public static V2RequestRejected invalidCursor() {
        return new V2RequestRejected(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor is not valid for this list; pass the next_cursor of a previous page unchanged, "
                        + "or leave it out to start from the first page.", Map.of("field", "cursor"));
    }

    /** A plain GET on the log stream, which speaks WebSocket only (RFC 9110 §15.5.22). */
    public static V2RequestRejected upgradeRequired() {
        return new V2RequestRejected(HttpStatus.UPGRADE_REQUIRED, "upgrade_required",
                "This endpoint streams logs over WebSocket: connect with 'Connection: Upgrade' and "
                        + "'Upgrade: websocket'.", Map.of());
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
