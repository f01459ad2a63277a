package dev.dotgit.adapter.rest.v2.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A v2 webhook subscription ({@code GET /v2/webhooks/{id}}, list items). {@code api_version} is
 * the version that created it, which decides its envelopes: the list shows v3's subscriptions
 * too. {@code active} is false once the subscription stopped receiving events, and
 * {@code disabled_reason} says why (null while active). The secret is never shown here.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookResponse(String id, String url, List<String> events, String apiVersion, boolean active,
                              String disabledReason, String createdAt) {
}
