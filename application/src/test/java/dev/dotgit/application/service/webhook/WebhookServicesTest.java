package dev.dotgit.application.service.webhook;

import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.port.out.webhook.SendOutcome;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.application.testing.ScriptedWebhookSender;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook use cases and the outbox the deployment use cases write to, on in-memory fakes. */
class WebhookServicesTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, "npm run build", null));
    }

    private CreatedWebhook subscribe(Caller caller, WebhookApiVersion version, String... events) {
        return platform.createWebhook.create(caller,
                new CreateWebhookCommand(version, "https://hooks.example.com/in", List.of(events)));
    }

    private Deployment trigger() {
        return platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());
    }

    private List<WebhookDelivery> deliveries(CreatedWebhook webhook) {
        return platform.listWebhookDeliveries.list(admin, webhook.webhook().id().value(), Optional.empty(),
                PageRequest.first(100)).items();
    }

    private WebhookEvent event(WebhookDelivery delivery) {
        return platform.store.findEvent(delivery.event()).orElseThrow();
    }

    // ---- subscriptions ----

    @Test
    void creatingReturnsTheSecretOnceAndListingsNeverShowIt() {
        CreatedWebhook created = subscribe(admin, WebhookApiVersion.V3, "deployment.succeeded", "deployment.created");

        assertThat(created.secret()).startsWith("whsec_");
        assertThat(new WebhookSecret(created.secret()).decodedKey()).hasSize(32);
        assertThat(created.webhook().events()).containsExactly("deployment.created", "deployment.succeeded");
        assertThat(created.webhook().apiVersion()).isEqualTo(WebhookApiVersion.V3);
        assertThat(created.webhook().active()).isTrue();
        Webhook fetched = platform.getWebhook.get(admin, created.webhook().id().value());
        assertThat(fetched).isEqualTo(created.webhook());
        assertThat(fetched.toString()).doesNotContain(created.secret());
        assertThat(platform.listWebhooks.list(admin, PageRequest.first(10)).items()).containsExactly(fetched);
        assertThat(subscribe(admin, WebhookApiVersion.V3, "deployment.created").secret())
                .isNotEqualTo(created.secret());
    }

    @Test
    void eventsMustBeOfferedByTheVersionAndTheUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> subscribe(admin, WebhookApiVersion.V2, "deployment.succeeded"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.first().field()).isEqualTo("events");
                    assertThat(e.first().allowedValues()).containsExactly("repo.push", "deploy.success",
                            "deploy.failed", "pr.merged", "deployment.completed");
                });
        assertThatThrownBy(() -> subscribe(admin, WebhookApiVersion.V3))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("events"));
        for (String url : List.of("ftp://hooks.example.com/", "/relative", "https://", "not a url", "")) {
            assertThatThrownBy(() -> platform.createWebhook.create(admin,
                    new CreateWebhookCommand(WebhookApiVersion.V3, url, List.of("deployment.created"))))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("url"));
        }
    }

    @Test
    void everyWebhookUseCaseNeedsAdminScope() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        String id = webhook.webhook().id().value();
        Caller writer = new Caller(admin.account(), "key_writer", Set.of(Scope.WRITE), Set.of(), Set.of());

        assertThatThrownBy(() -> subscribe(writer, WebhookApiVersion.V3, "deployment.created"))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listWebhooks.list(writer, PageRequest.first(10)))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.getWebhook.get(writer, id)).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.deleteWebhook.delete(writer, id)).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listWebhookDeliveries.list(writer, id, Optional.empty(),
                PageRequest.first(10))).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.redeliverWebhook.redeliver(writer, id, "whd_0000000000"))
                .isInstanceOf(InsufficientScope.class);
    }

    @Test
    void subscriptionsHearAboutTheWholeAccountSoOnlyUnrestrictedAdminKeysManageThem() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        String id = webhook.webhook().id().value();
        Caller restricted = new Caller(admin.account(), "key_restricted", Set.of(Scope.ADMIN),
                Set.of(web.project().id()), Set.of());

        assertThatThrownBy(() -> subscribe(restricted, WebhookApiVersion.V3, "deployment.created"))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listWebhooks.list(restricted, PageRequest.first(10)))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.getWebhook.get(restricted, id)).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.deleteWebhook.delete(restricted, id)).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listWebhookDeliveries.list(restricted, id, Optional.empty(),
                PageRequest.first(10))).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.redeliverWebhook.redeliver(restricted, id, "whd_0000000000"))
                .isInstanceOf(InsufficientScope.class);
        assertThat(platform.getWebhook.get(admin, id)).isEqualTo(webhook.webhook());
    }

    @Test
    void anotherAccountsWebhookIsNotFoundAndNeverListed() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        WebhookDelivery delivery = deliveries(webhook).get(0);
        String id = webhook.webhook().id().value();
        Caller other = platform.adminOf("globex");

        assertThatThrownBy(() -> platform.getWebhook.get(other, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.deleteWebhook.delete(other, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.listWebhookDeliveries.list(other, id, Optional.empty(),
                PageRequest.first(10))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.redeliverWebhook.redeliver(other, id, delivery.id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.getWebhook.get(admin, "wh_malformed!")).isInstanceOf(NotFound.class);
        assertThat(platform.listWebhooks.list(other, PageRequest.first(10)).items()).isEmpty();
        assertThat(platform.getWebhook.get(admin, id)).isNotNull();
    }

    @Test
    void aDeliveryOfAnotherSubscriptionCannotBeRedeliveredThroughThisOne() {
        CreatedWebhook one = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        CreatedWebhook two = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();

        assertThatThrownBy(() -> platform.redeliverWebhook.redeliver(admin, one.webhook().id().value(),
                deliveries(two).get(0).id().value())).isInstanceOf(NotFound.class);
    }

    // ---- SSRF at creation ----

    @Test
    void targetsThatResolveToInternalAddressesAreRefusedAtCreation() {
        platform.resolver.resolve("localhost", "127.0.0.1", "::1")
                .resolve("sneaky.example.com", "93.184.216.34", "10.1.2.3")
                .resolve("rebind.example.com", "127.0.0.1");
        for (String url : List.of("http://localhost/", "http://127.0.0.1:8080/", "http://10.0.0.5/",
                "http://172.16.9.1/", "http://192.168.1.1/", "http://100.64.0.1/", "http://169.254.169.254/latest",
                "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/",
                "https://sneaky.example.com/", "https://rebind.example.com/")) {
            assertThatThrownBy(() -> platform.createWebhook.create(admin,
                    new CreateWebhookCommand(WebhookApiVersion.V2, url, List.of("deploy.success"))))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("url"));
        }
        assertThat(platform.listWebhooks.list(admin, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aHostListedInAllowedHostsMayResolveToAnInternalAddress() {
        platform.resolver.resolve("allowed.internal", "10.0.0.7");

        CreatedWebhook created = platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V3,
                "http://allowed.internal:9000/hook", List.of("deployment.created")));

        assertThat(created.webhook().url().getHost()).isEqualTo("allowed.internal");
    }

    // ---- the outbox ----

    @Test
    void noSubscriptionMeansNoEventAndNoJob() {
        trigger();

        assertThat(platform.store.deliveryJobs()).isEmpty();
    }

    @Test
    void deletingAnActiveDeploymentCancelsItFirstSoSubscribersHearCancelled() {
        CreatedWebhook cancelled = subscribe(admin, WebhookApiVersion.V3, "deployment.cancelled");
        Deployment active = trigger();

        platform.deleteDeployment.delete(admin, active.id().value());

        assertThat(deliveries(cancelled)).hasSize(1);
        WebhookEvent event = event(deliveries(cancelled).get(0));
        assertThat(event.type()).isEqualTo(WebhookEventType.DEPLOYMENT_CANCELLED);
        assertThat(event.deployment().deploymentId()).isEqualTo(active.id().value());
        assertThat(event.deployment().status()).isEqualTo(DeploymentStatus.CANCELLED);
    }

    @Test
    void deletingAFinishedDeploymentRaisesNoEvent() {
        CreatedWebhook cancelled = subscribe(admin, WebhookApiVersion.V3, "deployment.cancelled");
        Deployment deployment = trigger();
        platform.runScheduledPipelines();
        Deployment other = trigger();
        platform.runScheduledPipelines();

        platform.deleteDeployment.delete(admin, deployment.id().value());

        assertThat(platform.getDeployment.get(admin, other.id().value()).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(deliveries(cancelled)).isEmpty();
    }

    @Test
    void creatingADeploymentRecordsOneEventPerWantedTypeAndADeliveryPerMatchingActiveSubscription() {
        CreatedWebhook v3created = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        CreatedWebhook v3both = subscribe(admin, WebhookApiVersion.V3, "deployment.created", "deployment.failed");
        CreatedWebhook v3other = subscribe(admin, WebhookApiVersion.V3, "deployment.succeeded");
        CreatedWebhook v2 = subscribe(admin, WebhookApiVersion.V2, "deploy.success");
        Caller otherAccount = platform.adminOf("globex");
        CreatedWebhook foreign = subscribe(otherAccount, WebhookApiVersion.V3, "deployment.created");

        Deployment deployment = trigger();

        assertThat(deliveries(v3created)).hasSize(1);
        assertThat(deliveries(v3both)).hasSize(1);
        assertThat(deliveries(v3other)).isEmpty();
        assertThat(deliveries(v2)).isEmpty();
        assertThat(platform.listWebhookDeliveries.list(otherAccount, foreign.webhook().id().value(),
                Optional.empty(), PageRequest.first(10)).items()).isEmpty();
        WebhookDelivery first = deliveries(v3created).get(0);
        assertThat(first.event()).as("one event, delivered to both").isEqualTo(deliveries(v3both).get(0).event());
        WebhookEvent event = event(first);
        assertThat(event.type()).isEqualTo(WebhookEventType.DEPLOYMENT_CREATED);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.deployment().deploymentId()).isEqualTo(deployment.id().value());
        assertThat(event.deployment().projectName()).isEqualTo("web");
        assertThat(event.deployment().status()).isEqualTo(DeploymentStatus.QUEUED);
        assertThat(event.deployment().url()).isEqualTo("http://" + deployment.id().value() + ".localhost:8080");
        assertThat(platform.store.deliveryJobs()).containsOnlyKeys(first.id(), deliveries(v3both).get(0).id());
    }

    @Test
    void aDisabledSubscriptionGetsNoNewEvents() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        platform.store.disable(webhook.webhook().id(), "test");

        trigger();

        assertThat(deliveries(webhook)).isEmpty();
    }

    @Test
    void successRaisesTheV2AndV3EventsWithTheDurationAndALaterSequence() {
        CreatedWebhook v2 = subscribe(admin, WebhookApiVersion.V2, "deploy.success", "deployment.completed");
        CreatedWebhook v3 = subscribe(admin, WebhookApiVersion.V3, "deployment.created", "deployment.succeeded");
        Deployment deployment = trigger();
        platform.clock.advance(Duration.ofSeconds(2));

        platform.runScheduledPipelines();

        assertThat(deliveries(v2)).extracting(d -> d.eventType()).containsExactlyInAnyOrder(
                WebhookEventType.DEPLOY_SUCCESS, WebhookEventType.DEPLOYMENT_COMPLETED);
        WebhookEvent succeeded = deliveries(v3).stream().map(this::event)
                .filter(e -> e.type() == WebhookEventType.DEPLOYMENT_SUCCEEDED).findFirst().orElseThrow();
        assertThat(succeeded.sequence()).isEqualTo(2);
        assertThat(succeeded.deployment().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(succeeded.deployment().completedAt()).isNotNull();
        assertThat(succeeded.deployment().durationMs()).isNotNull();
        assertThat(platform.getDeployment.get(admin, deployment.id().value()).status())
                .isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void failureAndCancellationRaiseTheirEvents() {
        CreatedWebhook v2 = subscribe(admin, WebhookApiVersion.V2, "deploy.failed");
        CreatedWebhook v3 = subscribe(admin, WebhookApiVersion.V3, "deployment.failed", "deployment.cancelled");
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        trigger();
        platform.runScheduledPipelines();
        Deployment cancelled = trigger();

        platform.cancelDeployment.cancel(admin, cancelled.id().value());

        assertThat(deliveries(v2)).extracting(WebhookDelivery::eventType)
                .containsExactly(WebhookEventType.DEPLOY_FAILED);
        assertThat(deliveries(v3)).extracting(WebhookDelivery::eventType)
                .containsExactlyInAnyOrder(WebhookEventType.DEPLOYMENT_FAILED, WebhookEventType.DEPLOYMENT_CANCELLED);
    }

    @Test
    void eventsRollBackWithTheStateChangeThatRaisedThem() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.cancelled");
        Deployment deployment = trigger();

        assertThatThrownBy(() -> platform.store.inTransaction(() -> {
            platform.cancelDeployment.cancel(admin, deployment.id().value());
            throw new IllegalStateException("the surrounding transaction fails after the cancel");
        })).hasMessageContaining("surrounding transaction");

        assertThat(deliveries(webhook)).isEmpty();
        assertThat(platform.store.deliveryJobs()).isEmpty();
        assertThat(platform.getDeployment.get(admin, deployment.id().value()).status())
                .isEqualTo(DeploymentStatus.QUEUED);
    }

    // ---- delivering ----

    @Test
    void aDueDeliveryIsSentToTheCheckedAddressAndSucceeds() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();

        platform.runDueDeliveries();

        OutgoingWebhook sent = platform.webhookSender.sent().get(0);
        assertThat(sent.connectTo().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(sent.subscription().secret().value()).isEqualTo(webhook.secret());
        WebhookDelivery delivery = deliveries(webhook).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.attempts()).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).isEqualTo(200);
            assertThat(a.at()).isEqualTo(platform.clock.instant());
        });
        assertThat(platform.store.deliveryJobs()).isEmpty();
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheInitialDelayThenWithGrowingJitteredWaits() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(500),
                new SendOutcome(null, "timed out", 10_000, Optional.empty()));
        Instant start = platform.clock.instant();

        platform.runDueDeliveries();
        WebhookDelivery afterFirst = deliveries(webhook).get(0);
        assertThat(platform.store.deliveryJobs()).containsEntry(afterFirst.id(), start.plusSeconds(30));
        platform.clock.advance(Duration.ofSeconds(29));
        assertThat(platform.runDueDeliveries()).as("not before the initial delay").isEmpty();
        platform.clock.advance(Duration.ofSeconds(1));
        platform.runDueDeliveries();
        // second retry: between 30 s and 60 s; the test's jitter draws 0.5, so 45 s
        assertThat(platform.store.deliveryJobs()).containsEntry(afterFirst.id(), start.plusSeconds(30 + 45));
        platform.clock.advance(Duration.ofSeconds(45));
        platform.runDueDeliveries();

        WebhookDelivery delivery = deliveries(webhook).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.attempts()).extracting(a -> a.httpStatus() == null ? a.error() : a.httpStatus())
                .containsExactly(500, "timed out", 200);
        assertThat(platform.webhookSender.sent()).extracting(s -> s.event().id()).containsOnly(delivery.event());
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        platform.webhookSender.thenAnswer(new SendOutcome(429, "HTTP 429", 3, Optional.of(Duration.ofMinutes(10))));

        platform.runDueDeliveries();

        assertThat(platform.store.deliveryJobs()).containsEntry(deliveries(webhook).get(0).id(),
                platform.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void deliveriesGiveUpWhenTheRetryWindowCloses() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        SendOutcome[] failures = new SendOutcome[400];
        java.util.Arrays.fill(failures, ScriptedWebhookSender.status(503));
        platform.webhookSender.thenAnswer(failures);

        for (int i = 0; i < 400 && !platform.store.deliveryJobs().isEmpty(); i++) {
            platform.clock.set(platform.store.deliveryJobs().values().iterator().next());
            platform.runDueDeliveries();
        }

        WebhookDelivery delivery = deliveries(webhook).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts().get(delivery.attempts().size() - 1).at())
                .isBeforeOrEqualTo(delivery.firstAttemptAt().plus(Duration.ofDays(3)));
        assertThat(delivery.attempts().size()).as("about 3 days of waits averaging half an hour").isBetween(100, 250);
    }

    @Test
    void a410DisablesTheSubscriptionAndFailsItsPendingDeliveries() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        trigger();
        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(410));
        List<WebhookDelivery> before = deliveries(webhook);

        platform.clock.advance(Duration.ofSeconds(1));
        platform.runDueDeliveries();

        assertThat(platform.webhookSender.sent()).as("the second delivery is not attempted").hasSize(1);
        Webhook disabled = platform.getWebhook.get(admin, webhook.webhook().id().value());
        assertThat(disabled.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(disabled.disabledReason()).contains("410");
        assertThat(deliveries(webhook)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.FAILED).hasSize(before.size());
        trigger();
        assertThat(deliveries(webhook)).hasSize(before.size());
    }

    @Test
    void aTargetThatNowResolvesInternallyIsNotContactedAndTheAttemptSaysWhy() {
        platform.resolver.resolve("hooks.example.com", "93.184.216.34");
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        platform.resolver.resolve("hooks.example.com", "169.254.169.254");

        platform.runDueDeliveries();

        assertThat(platform.webhookSender.sent()).isEmpty();
        WebhookDelivery delivery = deliveries(webhook).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).isNull();
            assertThat(a.error()).contains("link-local");
        });
    }

    @Test
    void redeliveryIsANewDeliveryOfTheSameEvent() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        platform.runDueDeliveries();
        WebhookDelivery original = deliveries(webhook).get(0);

        WebhookDelivery again = platform.redeliverWebhook.redeliver(admin, webhook.webhook().id().value(),
                original.id().value());
        platform.runDueDeliveries();

        assertThat(again.id()).isNotEqualTo(original.id());
        assertThat(again.event()).isEqualTo(original.event());
        assertThat(again.redeliveryOf()).isEqualTo(original.id());
        assertThat(platform.webhookSender.sent()).extracting(s -> s.event().id())
                .containsExactly(original.event(), original.event());
        assertThat(deliveries(webhook)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.SUCCEEDED).hasSize(2);
    }

    @Test
    void deletingASubscriptionStopsItsPendingDeliveries() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();

        platform.deleteWebhook.delete(admin, webhook.webhook().id().value());
        platform.runDueDeliveries();

        assertThat(platform.webhookSender.sent()).isEmpty();
        assertThatThrownBy(() -> platform.getWebhook.get(admin, webhook.webhook().id().value()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void deliveriesCanBeFilteredByStatus() {
        CreatedWebhook webhook = subscribe(admin, WebhookApiVersion.V3, "deployment.created");
        trigger();
        platform.runDueDeliveries();
        trigger();

        String id = webhook.webhook().id().value();
        assertThat(platform.listWebhookDeliveries.list(admin, id, Optional.of(DeliveryStatus.PENDING),
                PageRequest.first(10)).items()).hasSize(1);
        assertThat(platform.listWebhookDeliveries.list(admin, id, Optional.of(DeliveryStatus.SUCCEEDED),
                PageRequest.first(10)).items()).hasSize(1);
    }
}
