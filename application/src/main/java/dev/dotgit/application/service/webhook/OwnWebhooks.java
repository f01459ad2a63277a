package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;

/** Finds a subscription of the caller's account; a foreign, unknown or malformed id is the same 404. */
final class OwnWebhooks {

    private OwnWebhooks() {
    }

    static WebhookSubscription find(LoadWebhookPort webhooks, Caller caller, String webhookId) {
        return WebhookId.parse(webhookId)
                .flatMap(id -> webhooks.findById(caller.account(), id))
                .orElseThrow(() -> new NotFound("webhook", webhookId));
    }
}
