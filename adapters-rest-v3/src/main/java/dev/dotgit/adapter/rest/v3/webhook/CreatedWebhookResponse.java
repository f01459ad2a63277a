package dev.dotgit.adapter.rest.v3.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The webhook as {@code POST /v3/webhooks} answers it: the only reply that carries
 * {@code secret} ({@code whsec_} + base64 of 32 bytes; v3 deliveries are signed with the
 * decoded bytes, as Standard Webhooks does).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreatedWebhookResponse(String id, String url, List<String> events, String apiVersion, String status,
                                     String disabledReason, String createdAt, String secret) {
}
