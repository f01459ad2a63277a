package dev.dotgit.adapter.rest.v2.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One delivery of an event to a subscription, with every attempt, oldest first. {@code event_id}
 * is the id the envelope carries (the same on every attempt and every redelivery, so receivers
 * deduplicate by it); {@code event} is the event type, named as in the 002 envelope;
 * {@code redelivery_of} is the delivery this one repeats, or null.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryResponse(String id, String webhookId, String eventId, String event, String status,
                               String redeliveryOf, String createdAt, List<AttemptResponse> attempts) {

    /**
     * One HTTP attempt: when, the target's status code (null when no response came), what went
     * wrong (null for a 2xx) and how long it took.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttemptResponse(int number, String attemptedAt, Integer statusCode, String error, long latencyMs) {
    }
}
