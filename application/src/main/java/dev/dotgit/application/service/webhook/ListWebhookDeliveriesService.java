package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.util.Optional;

public final class ListWebhookDeliveriesService implements ListWebhookDeliveriesQuery {

    private final LoadWebhookPort webhooks;
    private final LoadWebhookDeliveryPort deliveries;

    public ListWebhookDeliveriesService(LoadWebhookPort webhooks, LoadWebhookDeliveryPort deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @Override
    public Page<WebhookDelivery> list(Caller caller, String webhookId, Optional<DeliveryStatus> status,
                                      PageRequest page) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        WebhookSubscription subscription = OwnWebhooks.find(webhooks, caller, webhookId);
        return deliveries.list(subscription.id(), status, page);
    }
}
