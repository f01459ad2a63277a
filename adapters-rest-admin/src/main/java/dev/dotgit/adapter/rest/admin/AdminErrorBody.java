package dev.dotgit.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * The operator surface's error envelope. It belongs to no API version, so it follows the
 * newest one's shape (top-level {@code request_id}): {@code {"error":{code,message,details,request_id}}}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AdminErrorBody(Error error) {

    /** {@code request_id} is shown as null rather than dropped when a request has none. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Error(String code, String message, Map<String, String> details, String requestId) {
    }

    static AdminErrorBody of(String code, String message, Map<String, String> details, String requestId) {
        return new AdminErrorBody(new Error(code, message, details, requestId));
    }
}
