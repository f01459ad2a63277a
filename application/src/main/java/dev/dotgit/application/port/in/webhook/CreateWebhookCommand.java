package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.webhook.WebhookApiVersion;
import java.util.List;
import java.util.Objects;

/**
 * A subscription to create, as the caller sent it. The URL and event names are checked by the
 * use case (field names {@code url} and {@code events}), because whether an event exists depends
 * on {@code version} and whether a URL may be used depends on where its host resolves.
 *
 * @param version the API version the request came through: it decides the events on offer and the envelope
 * @param events  event wire names, e.g. {@code deploy.success} (v2) or {@code deployment.succeeded} (v3)
 */
public record CreateWebhookCommand(WebhookApiVersion version, String url, List<String> events) {

    public CreateWebhookCommand {
        Objects.requireNonNull(version, "version");
        events = events == null ? List.of() : List.copyOf(events);
    }
}
