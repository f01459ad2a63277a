package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.shared.Timestamps;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.time.Clock;

public final class CreateWebhookService implements CreateWebhookUseCase {

    private final SaveWebhookPort webhooks;
    private final WebhookTargets targets;
    private final RunInTransactionPort transactions;
    private final Clock clock;

    public CreateWebhookService(SaveWebhookPort webhooks, WebhookTargets targets, RunInTransactionPort transactions,
                                Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreatedWebhook create(Caller caller, CreateWebhookCommand command) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage webhooks");
        WebhookSubscription subscription = WebhookSubscription.create(caller.account(), command.version(),
                command.url(), command.events(), Timestamps.now(clock));
        WebhookTargets.Check check = targets.check(subscription.url());
        if (!check.isAllowed()) {
            throw new InvalidInput(new InvalidInput.Violation("url", InvalidInput.Problem.BAD_FORMAT, command.url(),
                    null, "Must not point to a private, loopback, link-local or other internal address: "
                    + check.refusal()));
        }
        WebhookSubscription saved = transactions.inTransaction(() -> webhooks.insert(subscription));
        return new CreatedWebhook(Webhook.of(saved), saved.secret().value());
    }
}
