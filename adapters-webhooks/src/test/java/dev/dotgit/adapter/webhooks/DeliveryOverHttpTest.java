package dev.dotgit.adapter.webhooks;

import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.service.webhook.WebhookSettings;
import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.webhook.DeliveryRetryPolicy;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery use case with this adapter's real sender and resolver against a receiver on
 * 127.0.0.1 (listed in the allowed hosts, as the only address tests may reach): retries, Retry-After,
 * 410, and the address checks with the platform resolver. The clock is the test's, so the
 * retry times are checked exactly rather than waited for.
 */
class DeliveryOverHttpTest {

    @TempDir
    Path temp;

    private Receiver receiver;
    private TestPlatform platform;
    private Caller admin;
    private ProjectOverview web;

    @BeforeEach
    void start() throws IOException {
        receiver = new Receiver();
        WebhooksConfiguration configuration = new WebhooksConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(2));
        WebhookSettings settings = new WebhookSettings(new DeliveryRetryPolicy(Duration.ofSeconds(1),
                Duration.ofSeconds(4), Duration.ofMinutes(1)), Set.of("127.0.0.1"));
        platform = new TestPlatform(temp, new HttpWebhookSender(configuration), new InetAddressResolver(), settings);
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    private CreatedWebhook subscribe(String url) {
        return platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V3, url,
                List.of("deployment.created")));
    }

    private WebhookDelivery onlyDelivery(CreatedWebhook webhook) {
        return platform.listWebhookDeliveries.list(admin, webhook.webhook().id().value(), Optional.empty(),
                PageRequest.first(10)).items().get(0);
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainAfterTheInitialDelay() {
        CreatedWebhook webhook = subscribe(receiver.url("/hooks"));
        receiver.thenAnswer(500, Map.of());
        platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        platform.runDueDeliveries();
        assertThat(platform.runDueDeliveries()).as("nothing due before the delay").isEmpty();
        platform.clock.advance(Duration.ofSeconds(1));
        platform.runDueDeliveries();

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(
                onlyDelivery(webhook).event().value());
        WebhookDelivery delivery = onlyDelivery(webhook);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.attempts()).extracting(a -> a.httpStatus()).containsExactly(500, 204);
        assertThat(delivery.attempts()).allSatisfy(a -> assertThat(a.latencyMs()).isNotNegative());
    }

    @Test
    void aRetryAfterLongerThanTheBackoffDecidesTheNextAttempt() {
        CreatedWebhook webhook = subscribe(receiver.url("/hooks"));
        receiver.thenAnswer(503, Map.of("Retry-After", "30"));
        platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        platform.runDueDeliveries();

        assertThat(platform.store.deliveryJobs()).containsEntry(onlyDelivery(webhook).id(),
                platform.clock.instant().plusSeconds(30));
        platform.clock.advance(Duration.ofSeconds(29));
        assertThat(platform.runDueDeliveries()).isEmpty();
        platform.clock.advance(Duration.ofSeconds(1));
        platform.runDueDeliveries();
        assertThat(onlyDelivery(webhook).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    }

    @Test
    void a410DisablesTheSubscription() {
        CreatedWebhook webhook = subscribe(receiver.url("/gone"));
        receiver.thenAnswer(410, Map.of());
        platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        platform.runDueDeliveries();

        assertThat(platform.getWebhook.get(admin, webhook.webhook().id().value()).status())
                .isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(onlyDelivery(webhook).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(platform.store.deliveryJobs()).isEmpty();
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() {
        CreatedWebhook webhook = subscribe(receiver.url("/moved"));
        receiver.thenAnswer(307, Map.of("Location", receiver.url("/elsewhere")));
        platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        platform.runDueDeliveries();

        assertThat(receiver.received()).extracting(Receiver.Received::path).containsExactly("/moved");
        assertThat(onlyDelivery(webhook).attempts()).singleElement()
                .satisfies(a -> assertThat(a.error()).contains("not followed"));
        assertThat(onlyDelivery(webhook).status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void internalTargetsAreRefusedWithThePlatformResolverHoweverTheyAreWritten() {
        int port = receiver.port();
        for (String url : List.of(
                "http://localhost:" + port + "/",             // a name resolving to 127.0.0.1 (not listed)
                "http://2130706433:" + port + "/",            // 127.0.0.1 as one decimal number
                "http://[::ffff:127.0.0.1]:" + port + "/",    // IPv4-mapped IPv6
                "http://[::1]:" + port + "/",
                "http://10.1.2.3/", "http://172.31.255.1/", "http://192.168.0.10/",
                "http://100.64.0.1/", "http://100.127.255.254/",
                "http://169.254.169.254/latest/meta-data/",    // cloud metadata
                "http://[fe80::1]/", "http://[fc00::1]/", "http://0.0.0.0/", "http://[::]/",
                "http://239.1.1.1/", "http://255.255.255.255/")) {
            assertThatThrownBy(() -> subscribe(url)).as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.first().field()).isEqualTo("url");
                        assertThat(e.first().message()).contains("internal address");
                    });
        }
        // Spellings other resolvers read as 127.0.0.1 and java.net.URI does not take as a host
        // (hex, short form) or reads differently (octal): refused before any lookup.
        for (String url : List.of("http://0x7f.1:" + port + "/", "http://127.1:" + port + "/",
                "http://0177.0.0.1:" + port + "/", "http://0x7f000001:" + port + "/")) {
            assertThatThrownBy(() -> subscribe(url)).as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("url"));
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(platform.listWebhooks.list(admin, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void theHostListedExactlyInAllowedHostsIsAccepted() {
        CreatedWebhook webhook = subscribe(receiver.url("/hooks"));

        assertThat(webhook.webhook().url().getHost()).isEqualTo("127.0.0.1");
    }
}
