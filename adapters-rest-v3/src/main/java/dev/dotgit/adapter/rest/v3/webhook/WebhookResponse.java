package dev.dotgit.adapter.rest.v3.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The v3 webhook object, as {@code GET /v3/webhooks/{id}} and the list show it: never the secret.
 * {@code api_version} is the version the subscription was created through (a v2 subscription
 * is listed too, with v2's event names, and receives v2's envelope); {@code disabled_reason}
 * is null while {@code status} is {@code active}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookResponse(String id, String url, List<String> events, String apiVersion, String status,
                              String disabledReason, String createdAt) {
}
