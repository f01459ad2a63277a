package dev.dotgit.adapter.rest.v3.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * v3's one error shape (seed 000, CONTRACT §5):
 * {@code {"error":{"code":"…","message":"…","details":{…},"request_id":"req_…"}}}. {@code details}
 * is always present ({@code {}} when there is nothing to add); {@code request_id} is the
 * response's {@code X-Request-Id}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record V3ErrorEnvelope(ErrorObject error) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorObject(String code, String message, Map<String, Object> details, String requestId) {
    }
}
