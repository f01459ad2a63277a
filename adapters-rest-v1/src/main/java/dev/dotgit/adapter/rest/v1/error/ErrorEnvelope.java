package dev.dotgit.adapter.rest.v1.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * v1's general error shape (seed 004): {@code {"error":{"code":"not_found","message":"…","details":{…}}}}.
 * {@code details} is always present, {@code {}} when there is nothing to add.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorEnvelope(ErrorObject error) implements V1ErrorBody {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorObject(String code, String message, Map<String, Object> details) {
    }

    static ErrorEnvelope of(String code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new ErrorObject(code, message, details));
    }
}
