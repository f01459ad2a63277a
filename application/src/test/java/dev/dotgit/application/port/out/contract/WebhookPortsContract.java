package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.DeploymentSnapshot;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the webhook storage ports: subscriptions, the outbox of events, deliveries and attempts. */
public abstract class WebhookPortsContract {

    private WebhookPorts ports;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract WebhookPorts ports();

    @BeforeEach
    void obtainPorts() {
        ports = ports();
    }

    @Test
    void aSubscriptionReadsBackWithEveryFieldInItsOwnAccountOnly() {
        WebhookSubscription subscription = subscription(anAccountSlug(), WebhookApiVersion.V2, T0.plusMillis(7),
                "deploy.success", "deployment.completed");

        ports.saveWebhooks().insert(subscription);

        assertThat(ports.loadWebhooks().findById(subscription.account(), subscription.id())).contains(subscription);
        assertThat(ports.loadWebhooks().findById(subscription.id())).contains(subscription);
        assertThat(ports.loadWebhooks().findById(anAccountSlug(), subscription.id())).isEmpty();
        assertThat(ports.loadWebhooks().findById(WebhookId.generate())).isEmpty();
    }

    @Test
    void subscriptionsAreListedNewestFirstInKeysetPages() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription oldest = insert(subscription(account, WebhookApiVersion.V3, T0, "deployment.created"));
        WebhookSubscription middle = insert(subscription(account, WebhookApiVersion.V2, T0.plusSeconds(1),
                "deploy.failed"));
        WebhookSubscription newest = insert(subscription(account, WebhookApiVersion.V3, T0.plusSeconds(2),
                "deployment.failed"));
        insert(subscription(anAccountSlug(), WebhookApiVersion.V3, T0.plusSeconds(3), "deployment.failed"));

        Page<WebhookSubscription> first = ports.loadWebhooks().list(account, PageRequest.first(2));
        Page<WebhookSubscription> second = ports.loadWebhooks().list(account, PageRequest.after(
                new ListPosition(middle.createdAt(), middle.id().value()), 2));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void onlyActiveSubscriptionsOfTheAccountAreFoundActiveAndDisablingHappensOnce() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription kept = insert(subscription(account, WebhookApiVersion.V3, T0, "deployment.created"));
        WebhookSubscription disabled = insert(subscription(account, WebhookApiVersion.V2, T0, "deploy.success"));
        insert(subscription(anAccountSlug(), WebhookApiVersion.V3, T0, "deployment.created"));

        boolean first = ports.transactions().inTransaction(() -> ports.saveWebhooks().disable(disabled.id(), "gone"));
        boolean second = ports.transactions().inTransaction(() -> ports.saveWebhooks().disable(disabled.id(), "again"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ports.loadWebhooks().findActive(account)).containsExactly(kept);
        WebhookSubscription stored = ports.loadWebhooks().findById(disabled.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(stored.disabledReason()).isEqualTo("gone");
    }

    @Test
    void anEventAndItsDeliveriesReadBackAndSequencesGrowPerDeployment() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription subscription = insert(subscription(account, WebhookApiVersion.V3, T0,
                "deployment.succeeded"));
        DeploymentId deployment = DeploymentId.generate();
        assertThat(ports.outbox().nextSequence(deployment)).isEqualTo(1);

        WebhookEvent event = event(account, deployment, WebhookEventType.DEPLOYMENT_SUCCEEDED, 1);
        WebhookDelivery delivery = WebhookDelivery.pending(subscription, event, T0.plusMillis(3));
        ports.transactions().inTransaction(() -> ports.outbox().append(event, List.of(delivery)));

        assertThat(ports.outbox().findEvent(event.id())).contains(event);
        assertThat(ports.loadDeliveries().findById(delivery.id())).contains(delivery);
        assertThat(ports.outbox().nextSequence(deployment)).isEqualTo(2);
        assertThat(ports.outbox().nextSequence(DeploymentId.generate())).isEqualTo(1);
    }

    @Test
    void aPushEventReadsBackAndSequencesGrowPerRepository() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription subscription = insert(subscription(account, WebhookApiVersion.V3, T0,
                "repository.pushed"));
        RepositoryId repository = RepositoryId.generate();
        assertThat(ports.outbox().nextSequence(repository)).isEqualTo(1);

        WebhookEvent event = new WebhookEvent(WebhookEventId.generate(), WebhookEventType.REPOSITORY_PUSHED, account,
                1, T0.plusMillis(4), new PushSnapshot(repository.value(), account.value() + "/web",
                        "refs/heads/" + "x".repeat(300), PushSnapshot.ZERO_ID, "b".repeat(40), "key_0000000001"));
        WebhookDelivery delivery = WebhookDelivery.pending(subscription, event, T0.plusMillis(5));
        ports.transactions().inTransaction(() -> ports.outbox().append(event, List.of(delivery)));

        assertThat(ports.outbox().findEvent(event.id())).contains(event);
        assertThat(ports.loadDeliveries().findById(delivery.id())).contains(delivery);
        assertThat(ports.outbox().nextSequence(repository)).isEqualTo(2);
        assertThat(ports.outbox().nextSequence(RepositoryId.generate())).isEqualTo(1);
    }

    @Test
    void anEventAppendedInATransactionThatRollsBackLeavesNothing() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription subscription = insert(subscription(account, WebhookApiVersion.V3, T0,
                "deployment.failed"));
        WebhookEvent event = event(account, DeploymentId.generate(), WebhookEventType.DEPLOYMENT_FAILED, 1);
        WebhookDelivery delivery = WebhookDelivery.pending(subscription, event, T0);

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            ports.outbox().append(event, List.of(delivery));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("state change failed");

        assertThat(ports.outbox().findEvent(event.id())).isEmpty();
        assertThat(ports.loadDeliveries().findById(delivery.id())).isEmpty();
    }

    @Test
    void attemptsAreAppendedInOrderUntilTheDeliveryIsSettled() {
        WebhookDelivery delivery = pendingDelivery(anAccountSlug());
        DeliveryAttempt timeout = new DeliveryAttempt(1, T0.plusSeconds(1), null, "timed out after 10s", 10_000);
        DeliveryAttempt unavailable = new DeliveryAttempt(2, T0.plusSeconds(31), 503, "HTTP 503", 12);
        DeliveryAttempt ok = new DeliveryAttempt(3, T0.plusSeconds(95), 204, null, 8);

        assertThat(record(delivery, timeout, DeliveryStatus.PENDING)).isTrue();
        assertThat(record(delivery, unavailable, DeliveryStatus.PENDING)).isTrue();
        assertThat(record(delivery, ok, DeliveryStatus.SUCCEEDED)).isTrue();
        boolean late = record(delivery, new DeliveryAttempt(4, T0.plusSeconds(99), 200, null, 1),
                DeliveryStatus.SUCCEEDED);

        assertThat(late).as("a settled delivery takes no further attempt").isFalse();
        WebhookDelivery stored = ports.loadDeliveries().findById(delivery.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(stored.attempts()).containsExactly(timeout, unavailable, ok);
    }

    @Test
    void deliveriesAreListedNewestFirstWithTheirAttemptsAndFilteredByStatus() {
        AccountSlug account = anAccountSlug();
        WebhookSubscription subscription = insert(subscription(account, WebhookApiVersion.V2, T0, "deploy.success"));
        WebhookEvent event = event(account, DeploymentId.generate(), WebhookEventType.DEPLOY_SUCCESS, 1);
        WebhookDelivery older = WebhookDelivery.pending(subscription, event, T0.plusSeconds(1));
        ports.transactions().inTransaction(() -> ports.outbox().append(event, List.of(older)));
        WebhookDelivery newer = ports.transactions().inTransaction(
                () -> ports.saveDeliveries().insert(older.redeliver(T0.plusSeconds(2))));
        DeliveryAttempt ok = new DeliveryAttempt(1, T0.plusSeconds(3), 200, null, 4);
        record(newer, ok, DeliveryStatus.SUCCEEDED);

        Page<WebhookDelivery> all = ports.loadDeliveries().list(subscription.id(), Optional.empty(),
                PageRequest.first(10));
        Page<WebhookDelivery> pending = ports.loadDeliveries().list(subscription.id(),
                Optional.of(DeliveryStatus.PENDING), PageRequest.first(10));
        Page<WebhookDelivery> firstOfOne = ports.loadDeliveries().list(subscription.id(), Optional.empty(),
                PageRequest.first(1));

        assertThat(all.items()).extracting(WebhookDelivery::id).containsExactly(newer.id(), older.id());
        assertThat(all.items().get(0).attempts()).containsExactly(ok);
        assertThat(all.items().get(0).redeliveryOf()).isEqualTo(older.id());
        assertThat(all.items().get(0).event()).isEqualTo(older.event());
        assertThat(pending.items()).extracting(WebhookDelivery::id).containsExactly(older.id());
        assertThat(firstOfOne.hasMore()).isTrue();
    }

    @Test
    void failingPendingDeliveriesTouchesOnlyThatSubscriptionsPendingOnes() {
        AccountSlug account = anAccountSlug();
        WebhookDelivery pending = pendingDelivery(account);
        WebhookDelivery settled = ports.transactions().inTransaction(
                () -> ports.saveDeliveries().insert(pending.redeliver(T0.plusSeconds(1))));
        record(settled, new DeliveryAttempt(1, T0.plusSeconds(2), 200, null, 3), DeliveryStatus.SUCCEEDED);
        WebhookDelivery otherSubscriptions = pendingDelivery(account);

        int failed = ports.transactions().inTransaction(() -> ports.saveDeliveries().failPending(pending.subscription()));

        assertThat(failed).isEqualTo(1);
        assertThat(ports.loadDeliveries().findById(pending.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(ports.loadDeliveries().findById(settled.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(ports.loadDeliveries().findById(otherSubscriptions.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void deletingASubscriptionRemovesItsDeliveriesButKeepsTheEvent() {
        WebhookDelivery delivery = pendingDelivery(anAccountSlug());
        record(delivery, new DeliveryAttempt(1, T0, 500, "HTTP 500", 3), DeliveryStatus.PENDING);

        boolean deleted = ports.transactions().inTransaction(() -> ports.saveWebhooks().delete(delivery.subscription()));
        boolean again = ports.transactions().inTransaction(() -> ports.saveWebhooks().delete(delivery.subscription()));

        assertThat(deleted).isTrue();
        assertThat(again).isFalse();
        assertThat(ports.loadWebhooks().findById(delivery.subscription())).isEmpty();
        assertThat(ports.loadDeliveries().findById(delivery.id())).isEmpty();
        assertThat(ports.outbox().findEvent(delivery.event())).isPresent();
    }

    // ---- helpers ----

    private WebhookSubscription insert(WebhookSubscription subscription) {
        return ports.transactions().inTransaction(() -> ports.saveWebhooks().insert(subscription));
    }

    private boolean record(WebhookDelivery delivery, DeliveryAttempt attempt, DeliveryStatus status) {
        return ports.transactions().inTransaction(
                () -> ports.saveDeliveries().recordAttempt(delivery.id(), attempt, status));
    }

    private WebhookDelivery pendingDelivery(AccountSlug account) {
        WebhookSubscription subscription = insert(subscription(account, WebhookApiVersion.V3, T0,
                "deployment.created"));
        WebhookEvent event = event(account, DeploymentId.generate(), WebhookEventType.DEPLOYMENT_CREATED, 1);
        WebhookDelivery delivery = WebhookDelivery.pending(subscription, event, T0);
        ports.transactions().inTransaction(() -> ports.outbox().append(event, List.of(delivery)));
        return delivery;
    }

    static WebhookSubscription subscription(AccountSlug account, WebhookApiVersion version, Instant createdAt,
                                            String... events) {
        WebhookSubscription created = WebhookSubscription.create(account, version,
                "https://hooks.example.com/dotgit?token=a%20b", List.of(events), createdAt);
        return created;
    }

    static WebhookEvent event(AccountSlug account, DeploymentId deployment, WebhookEventType type, long sequence) {
        DeploymentSnapshot snapshot = new DeploymentSnapshot(deployment.value(), ProjectId.generate().value(),
                "my-app", "production", "main", "0123456789abcdef0123456789abcdef01234567",
                DeploymentStatus.SUCCEEDED, true, "http://" + deployment.value() + ".localhost:8080",
                T0.minusSeconds(60), T0.minusSeconds(50).plusMillis(1), T0.minusMillis(600),
                DeploymentId.generate().value(), 49_401L);
        return new WebhookEvent(WebhookEventId.generate(), type, account, sequence, T0.plusMillis(9), snapshot);
    }
}
