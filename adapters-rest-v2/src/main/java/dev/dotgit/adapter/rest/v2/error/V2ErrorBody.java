package dev.dotgit.adapter.rest.v2.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * v2's one error shape (seed 002): {@code {"error":{"code","message","status","details":{"request_id",…}}}}.
 * {@code details} always holds the request id (the response's {@code X-Request-Id}), then the
 * facts of the failure.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record V2ErrorBody(ErrorObject error) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorObject(String code, String message, int status, Map<String, Object> details) {
    }
}
