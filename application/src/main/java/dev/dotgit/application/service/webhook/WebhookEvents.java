package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.shared.Timestamps;
import dev.dotgit.domain.webhook.DeploymentSnapshot;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records the webhook events a deployment's state change (or a push) raises, in the transaction
 * of that change (the transactional outbox): for each event type some active subscription of the
 * account wants, one event (with a snapshot of the deployment taken now) and one pending
 * delivery per such subscription, each with its durable delivery job. A rollback of the change
 * takes all of it back; once committed, the jobs deliver it even if the node dies right away.
 *
 * <p>Cheap when nobody listens: a change that raises no event type costs nothing, and one that
 * does costs one indexed query when the account has no active subscription.
 */
public final class WebhookEvents {

    private final RunInTransactionPort transactions;
    private final LoadWebhookPort webhooks;
    private final WebhookOutboxPort outbox;
    private final ScheduleWebhookDeliveryPort deliveries;
    private final LoadProjectPort projects;
    private final PlatformUrls urls;
    private final Clock clock;

    public WebhookEvents(RunInTransactionPort transactions, LoadWebhookPort webhooks, WebhookOutboxPort outbox,
                         ScheduleWebhookDeliveryPort deliveries, LoadProjectPort projects, PlatformUrls urls,
                         Clock clock) {
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.projects = projects;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Call with the deployment as just saved, inside the transaction that saved it, once per
     * state it enters ({@code QUEUED} on creation, then its final state).
     *
     * @return the events recorded (none when nobody listens)
     */
    public List<WebhookEvent> deploymentEntered(Deployment saved) {
        Set<WebhookEventType> raised = WebhookEventType.raisedByDeploymentEntering(saved.status());
        if (raised.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            List<WebhookSubscription> active = webhooks.findActive(saved.account());
            if (active.isEmpty()) {
                return List.of();
            }
            List<WebhookEvent> recorded = new ArrayList<>();
            DeploymentSnapshot snapshot = null;
            long sequence = 0;
            Instant now = Timestamps.now(clock);
            for (WebhookEventType type : raised) {
                List<WebhookSubscription> listeners = active.stream().filter(s -> s.wants(type)).toList();
                if (listeners.isEmpty()) {
                    continue;
                }
                if (snapshot == null) {
                    String projectName = projects.findById(saved.account(), saved.project())
                            .map(project -> project.name().value()).orElse(saved.project().value());
                    snapshot = DeploymentSnapshot.of(saved, projectName, urls.deploymentSite(saved.id()));
                    sequence = outbox.nextSequence(saved.id());
                }
                WebhookEvent event = new WebhookEvent(WebhookEventId.generate(), type, saved.account(), sequence, now,
                        snapshot);
                List<WebhookDelivery> pending = listeners.stream()
                        .map(subscription -> WebhookDelivery.pending(subscription, event, now)).toList();
                outbox.append(event, pending);
                pending.forEach(delivery -> deliveries.schedule(delivery.id(), now));
                recorded.add(event);
            }
            return recorded;
        });
    }

    /**
     * Call after a push moved {@code updated} refs of {@code repository}, in the transaction that
     * records the push's outcome: one {@code repo.push} / {@code repository.pushed} event per
     * updated ref, for the subscriptions that want that type. Each event's sequence grows per
     * repository, so a receiver can order the refs of several pushes.
     *
     * @param pushedBy the principal that pushed (a key or service account id)
     * @return the events recorded (none when nobody listens)
     */
    public List<WebhookEvent> repositoryPushed(Repository repository, String pushedBy, List<RefUpdate> updated) {
        if (updated.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            List<WebhookSubscription> active = webhooks.findActive(repository.owner());
            List<WebhookEvent> recorded = new ArrayList<>();
            if (active.isEmpty()) {
                return recorded;
            }
            Instant now = Timestamps.now(clock);
            long sequence = 0;
            for (RefUpdate update : updated) {
                PushSnapshot snapshot = new PushSnapshot(repository.id().value(), repository.fullName(), update.ref(),
                        update.before(), update.after(), pushedBy);
                for (WebhookEventType type : WebhookEventType.raisedByPush()) {
                    List<WebhookSubscription> listeners = active.stream().filter(s -> s.wants(type)).toList();
                    if (listeners.isEmpty()) {
                        continue;
                    }
                    if (sequence == 0) {
                        sequence = outbox.nextSequence(repository.id());
                    }
                    WebhookEvent event = new WebhookEvent(WebhookEventId.generate(), type, repository.owner(),
                            sequence, now, snapshot);
                    List<WebhookDelivery> pending = listeners.stream()
                            .map(subscription -> WebhookDelivery.pending(subscription, event, now)).toList();
                    outbox.append(event, pending);
                    pending.forEach(delivery -> deliveries.schedule(delivery.id(), now));
                    recorded.add(event);
                }
                if (sequence != 0) {
                    sequence++;
                }
            }
            return recorded;
        });
    }
}
