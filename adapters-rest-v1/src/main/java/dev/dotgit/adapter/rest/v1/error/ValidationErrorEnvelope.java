package dev.dotgit.adapter.rest.v1.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * v1's shape for present values that break their rule (seed 001, CONTRACT C2): a numeric
 * {@code code} of 422 and one {@code {field, message}} entry per violation.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidationErrorEnvelope(ErrorObject error) implements V1ErrorBody {

    static final int CODE = 422;
    static final String MESSAGE = "Validation failed";

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorObject(int code, String message, List<FieldError> details) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String message) {
    }

    static ValidationErrorEnvelope of(List<FieldError> details) {
        return new ValidationErrorEnvelope(new ErrorObject(CODE, MESSAGE, details));
    }
}
