package dev.dotgit.adapter.rest.v3.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One delivery (one series of attempts of one event to one webhook). {@code event_id} is the
 * {@code webhook-id} header and the envelope's {@code id}: the same on every attempt and on a
 * redelivery, so receivers deduplicate by it. {@code redelivery_of} names the delivery a
 * redelivery repeats, or is null. Attempts are oldest first.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryResponse(String id, String webhookId, String eventId, String eventType, String status,
                               String redeliveryOf, String createdAt, List<AttemptItem> attempts) {
}
