package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeliveryOutcome;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.SendOutcome;
import dev.dotgit.application.port.out.webhook.SendWebhookPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.domain.shared.Timestamps;
import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * One attempt of a pending delivery: check the target again (its host may resolve elsewhere
 * now), send, record the attempt, and decide what comes next. A 2xx settles the delivery; a
 * 410 disables the subscription and fails all its pending deliveries; anything else is tried
 * again per the retry policy, until the retry window closes.
 *
 * <p>The attempt is recorded only if the delivery is still pending, so when a node taken for
 * dead and the node that revived its job both attempt, the outcome is recorded once (the
 * receiver may see the event twice, with the same id: delivery is at least once).
 */
public final class DeliverWebhookService implements DeliverWebhookUseCase {

    static final String GONE_REASON = "The target answered 410 Gone; the subscription was disabled.";
    private static final System.Logger LOG = System.getLogger(DeliverWebhookService.class.getName());

    private final LoadWebhookDeliveryPort deliveries;
    private final SaveWebhookDeliveryPort saveDeliveries;
    private final LoadWebhookPort webhooks;
    private final SaveWebhookPort saveWebhooks;
    private final WebhookOutboxPort outbox;
    private final WebhookTargets targets;
    private final SendWebhookPort sender;
    private final RunInTransactionPort transactions;
    private final WebhookSettings settings;
    private final DoubleSupplier random;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public DeliverWebhookService(LoadWebhookDeliveryPort deliveries, SaveWebhookDeliveryPort saveDeliveries,
                                 LoadWebhookPort webhooks, SaveWebhookPort saveWebhooks, WebhookOutboxPort outbox,
                                 WebhookTargets targets, SendWebhookPort sender, RunInTransactionPort transactions,
                                 WebhookSettings settings, DoubleSupplier random, Clock clock) {
        this.deliveries = deliveries;
        this.saveDeliveries = saveDeliveries;
        this.webhooks = webhooks;
        this.saveWebhooks = saveWebhooks;
        this.outbox = outbox;
        this.targets = targets;
        this.sender = sender;
        this.transactions = transactions;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public DeliveryOutcome deliver(WebhookDeliveryId id) {
        Optional<WebhookDelivery> found = deliveries.findById(id);
        if (found.isEmpty() || found.get().status() != DeliveryStatus.PENDING) {
            return DeliveryOutcome.DONE; // deleted with its subscription, or settled by an earlier run
        }
        WebhookDelivery delivery = found.get();
        Optional<WebhookSubscription> subscription = webhooks.findById(delivery.subscription());
        Optional<WebhookEvent> event = outbox.findEvent(delivery.event());
        if (subscription.isEmpty() || event.isEmpty()) {
            return DeliveryOutcome.DONE;
        }
        if (!subscription.get().isActive()) {
            settle(id, null, DeliveryStatus.FAILED);
            return DeliveryOutcome.DONE;
        }

        Instant started = Timestamps.now(clock);
        WebhookTargets.Check target = targets.check(subscription.get().url());
        SendOutcome outcome = target.isAllowed()
                ? sender.send(new OutgoingWebhook(subscription.get(), event.get(), target.connectTo().get(), started))
                : new SendOutcome(null, "Target refused: " + target.refusal(), 0, Optional.empty());
        DeliveryAttempt attempt = new DeliveryAttempt(delivery.nextAttemptNumber(), started, outcome.httpStatus(),
                outcome.error(), outcome.latencyMs());

        if (attempt.succeeded()) {
            settle(id, attempt, DeliveryStatus.SUCCEEDED);
            return DeliveryOutcome.DONE;
        }
        if (outcome.targetIsGone()) {
            transactions.inTransaction(() -> {
                saveDeliveries.recordAttempt(id, attempt, DeliveryStatus.FAILED);
                saveWebhooks.disable(subscription.get().id(), GONE_REASON);
                saveDeliveries.failPending(subscription.get().id());
            });
            LOG.log(Level.INFO, "webhook {0} disabled: its target answered 410", subscription.get().id());
            return DeliveryOutcome.DONE;
        }
        Instant firstAttempt = delivery.firstAttemptAt() == null ? started : delivery.firstAttemptAt();
        Optional<Instant> next = settings.retry().nextAttempt(firstAttempt, attempt.number(), Timestamps.now(clock),
                outcome.retryAfter(), random);
        if (next.isEmpty()) {
            settle(id, attempt, DeliveryStatus.FAILED);
            return DeliveryOutcome.DONE;
        }
        boolean recorded = transactions.inTransaction(
                () -> saveDeliveries.recordAttempt(id, attempt, DeliveryStatus.PENDING));
        return recorded ? DeliveryOutcome.retryAt(next.get()) : DeliveryOutcome.DONE;
    }

    private void settle(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status) {
        transactions.inTransaction(() -> saveDeliveries.recordAttempt(id, attempt, status));
    }
}
