package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.shared.Timestamps;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.time.Clock;
import java.time.Instant;

public final class RedeliverWebhookService implements RedeliverWebhookUseCase {

    private final LoadWebhookPort webhooks;
    private final LoadWebhookDeliveryPort deliveries;
    private final SaveWebhookDeliveryPort saveDeliveries;
    private final ScheduleWebhookDeliveryPort scheduler;
    private final RunInTransactionPort transactions;
    private final Clock clock;

    public RedeliverWebhookService(LoadWebhookPort webhooks, LoadWebhookDeliveryPort deliveries,
                                   SaveWebhookDeliveryPort saveDeliveries, ScheduleWebhookDeliveryPort scheduler,
                                   RunInTransactionPort transactions, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.saveDeliveries = saveDeliveries;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public WebhookDelivery redeliver(Caller caller, String webhookId, String deliveryId) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        WebhookSubscription subscription = OwnWebhooks.find(webhooks, caller, webhookId);
        WebhookDelivery original = WebhookDeliveryId.parse(deliveryId)
                .flatMap(deliveries::findById)
                .filter(delivery -> delivery.subscription().equals(subscription.id()))
                .orElseThrow(() -> new NotFound("webhook_delivery", deliveryId));
        Instant now = Timestamps.now(clock);
        return transactions.inTransaction(() -> {
            WebhookDelivery again = saveDeliveries.insert(original.redeliver(now));
            scheduler.schedule(again.id(), now);
            return again;
        });
    }
}
