package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;

public final class GetWebhookService implements GetWebhookQuery {

    private final LoadWebhookPort webhooks;

    public GetWebhookService(LoadWebhookPort webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public Webhook get(Caller caller, String webhookId) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        return Webhook.of(OwnWebhooks.find(webhooks, caller, webhookId));
    }
}
