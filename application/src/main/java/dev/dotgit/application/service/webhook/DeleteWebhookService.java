package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.webhook.WebhookSubscription;

/**
 * Delivery jobs still scheduled for the subscription find no delivery when they run and end
 * without an attempt.
 */
public final class DeleteWebhookService implements DeleteWebhookUseCase {

    private final LoadWebhookPort webhooks;
    private final SaveWebhookPort saveWebhooks;
    private final RunInTransactionPort transactions;

    public DeleteWebhookService(LoadWebhookPort webhooks, SaveWebhookPort saveWebhooks,
                                RunInTransactionPort transactions) {
        this.webhooks = webhooks;
        this.saveWebhooks = saveWebhooks;
        this.transactions = transactions;
    }

    @Override
    public void delete(Caller caller, String webhookId) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        transactions.inTransaction(() -> {
            WebhookSubscription subscription = OwnWebhooks.find(webhooks, caller, webhookId);
            if (!saveWebhooks.delete(subscription.id())) {
                throw new NotFound("webhook", webhookId);
            }
        });
    }
}
