package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;

public final class ListWebhooksService implements ListWebhooksQuery {

    private final LoadWebhookPort webhooks;

    public ListWebhooksService(LoadWebhookPort webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public Page<Webhook> list(Caller caller, PageRequest page) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        return webhooks.list(caller.account(), page).map(Webhook::of);
    }
}
