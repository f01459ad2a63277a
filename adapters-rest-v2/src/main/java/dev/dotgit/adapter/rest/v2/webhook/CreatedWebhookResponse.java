package dev.dotgit.adapter.rest.v2.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The reply of {@code POST /v2/webhooks}: the subscription and, this once, its signing secret
 * ({@code whsec_…}; v2 deliveries are signed with the whole string as the HMAC key).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreatedWebhookResponse(String id, String url, List<String> events, String apiVersion, boolean active,
                                     String disabledReason, String createdAt, String secret) {

    static CreatedWebhookResponse of(WebhookResponse webhook, String secret) {
        return new CreatedWebhookResponse(webhook.id(), webhook.url(), webhook.events(), webhook.apiVersion(),
                webhook.active(), webhook.disabledReason(), webhook.createdAt(), secret);
    }
}
