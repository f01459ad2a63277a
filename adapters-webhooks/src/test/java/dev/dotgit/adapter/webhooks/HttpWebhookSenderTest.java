package dev.dotgit.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.port.out.webhook.SendOutcome;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.webhook.DeploymentSnapshot;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSecret;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt against a real receiver on 127.0.0.1: envelopes, signatures (checked independently), failures. */
class HttpWebhookSenderTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/wMOgPBBGbc=";
    static final Instant OCCURRED = Instant.parse("2025-01-20T14:35:22.480Z");
    static final Instant SENT = Instant.parse("2025-01-20T14:35:25Z");

    private Receiver receiver;
    private HttpWebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = new Receiver();
        WebhooksConfiguration configuration = new WebhooksConfiguration();
        configuration.setReadTimeout(Duration.ofMillis(500));
        configuration.setConnectTimeout(Duration.ofMillis(500));
        sender = new HttpWebhookSender(configuration);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static WebhookSubscription subscription(WebhookApiVersion version, String url, WebhookEventType type) {
        return new WebhookSubscription(WebhookId.generate(), new AccountSlug("acme"), URI.create(url), Set.of(type),
                version, new WebhookSecret(SECRET), SubscriptionStatus.ACTIVE, null, OCCURRED.minusSeconds(3600));
    }

    static WebhookEvent event(WebhookEventType type) {
        DeploymentSnapshot deployment = new DeploymentSnapshot("dep_7x92m00000", "proj_abc0000000", "my-app",
                "production", "main", "0123456789abcdef0123456789abcdef01234567", DeploymentStatus.SUCCEEDED, false,
                "http://dep_7x92m00000.localhost:8080", Instant.parse("2025-01-20T14:33:00.250Z"),
                Instant.parse("2025-01-20T14:35:19.900Z"), OCCURRED, null, 2400L);
        return new WebhookEvent(new WebhookEventId("evt_2k91x00000"), type, new AccountSlug("acme"), 2, OCCURRED,
                deployment);
    }

    private SendOutcome send(WebhookApiVersion version, WebhookEventType type, String path) {
        return sender.send(new OutgoingWebhook(subscription(version, receiver.url(path), type), event(type),
                loopback(), SENT));
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = HttpWebhookSenderTest.class.getResourceAsStream("/golden/webhooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] hmac(byte[] key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aV2DeploySuccessIsThe002EnvelopeSignedWithTheWholeSecretInBothHeaders() throws Exception {
        SendOutcome outcome = send(WebhookApiVersion.V2, WebhookEventType.DEPLOY_SUCCESS, "/hooks");

        assertThat(outcome.httpStatus()).isEqualTo(204);
        assertThat(outcome.error()).isNull();
        Receiver.Received request = receiver.received().get(0);
        assertThat(request.body()).isEqualTo(golden("v2-deploy-success.json"));
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                request.body()));
        assertThat(request.header("X-Signature-256")).isEqualTo(expected);
        assertThat(request.header("X-Git-Signature")).isEqualTo(expected);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("webhook-signature")).isNull();
    }

    @Test
    void aV2DeploymentCompletedIsThe003EnvelopeWithUnixTimeAndTheSameSignatureHeaders() throws Exception {
        send(WebhookApiVersion.V2, WebhookEventType.DEPLOYMENT_COMPLETED, "/hooks");

        Receiver.Received request = receiver.received().get(0);
        assertThat(request.body()).isEqualTo(golden("v2-deployment-completed.json"));
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                request.body()));
        assertThat(request.header("X-Git-Signature")).isEqualTo(expected);
        assertThat(request.header("X-Signature-256")).isEqualTo(expected);
    }

    @Test
    void aV3EventIsSignedTheStandardWebhooksWayWithTheDecodedSecret() throws Exception {
        send(WebhookApiVersion.V3, WebhookEventType.DEPLOYMENT_SUCCEEDED, "/hooks");

        Receiver.Received request = receiver.received().get(0);
        assertThat(request.body()).isEqualTo(golden("v3-deployment-succeeded.json"));
        assertThat(request.header("webhook-id")).isEqualTo("evt_2k91x00000");
        assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(SENT.getEpochSecond()));
        byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
        String signed = "evt_2k91x00000." + SENT.getEpochSecond() + "." + request.body();
        assertThat(request.header("webhook-signature"))
                .isEqualTo("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
        assertThat(request.header("X-Signature-256")).isNull();
    }

    static WebhookEvent pushEvent(WebhookEventType type) {
        return new WebhookEvent(new WebhookEventId("evt_2k91x00000"), type, new AccountSlug("acme"), 2, OCCURRED,
                new PushSnapshot("repo_abc0000000", "acme/my-app", "refs/heads/main", PushSnapshot.ZERO_ID,
                        "0123456789abcdef0123456789abcdef01234567", "key_abc0000000"));
    }

    @Test
    void pushEventsCarryTheUpdatedRefInTheirVersionsEnvelopeAndSignature() throws Exception {
        sender.send(new OutgoingWebhook(subscription(WebhookApiVersion.V2, receiver.url("/v2"),
                WebhookEventType.REPO_PUSH), pushEvent(WebhookEventType.REPO_PUSH), loopback(), SENT));
        sender.send(new OutgoingWebhook(subscription(WebhookApiVersion.V3, receiver.url("/v3"),
                WebhookEventType.REPOSITORY_PUSHED), pushEvent(WebhookEventType.REPOSITORY_PUSHED), loopback(), SENT));

        Receiver.Received v2 = receiver.received().get(0);
        assertThat(v2.body()).isEqualTo(golden("v2-repo-push.json"));
        assertThat(v2.header("X-Signature-256")).isEqualTo("sha256=" + HexFormat.of().formatHex(
                hmac(SECRET.getBytes(StandardCharsets.UTF_8), v2.body())));
        Receiver.Received v3 = receiver.received().get(1);
        assertThat(v3.body()).isEqualTo(golden("v3-repository-pushed.json"));
        byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
        assertThat(v3.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                hmac(key, "evt_2k91x00000." + SENT.getEpochSecond() + "." + v3.body())));
    }

    @Test
    void aNon2xxIsAFailureAndItsRetryAfterIsReadInSecondsOrAsADate() {
        receiver.thenAnswer(503, Map.of("Retry-After", "120"))
                .thenAnswer(429, Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.now().plusSeconds(600).atZone(ZoneOffset.UTC))));

        SendOutcome seconds = send(WebhookApiVersion.V3, WebhookEventType.DEPLOYMENT_CREATED, "/a");
        SendOutcome date = send(WebhookApiVersion.V3, WebhookEventType.DEPLOYMENT_CREATED, "/a");

        assertThat(seconds.httpStatus()).isEqualTo(503);
        assertThat(seconds.error()).isEqualTo("HTTP 503");
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(date.httpStatus()).isEqualTo(429);
        assertThat(date.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(601)));
    }

    @Test
    void aRedirectIsNeverFollowed() {
        receiver.thenAnswer(302, Map.of("Location", receiver.url("/elsewhere")));

        SendOutcome outcome = send(WebhookApiVersion.V2, WebhookEventType.DEPLOY_SUCCESS, "/moved");

        assertThat(outcome.httpStatus()).isEqualTo(302);
        assertThat(outcome.error()).contains("not followed");
        assertThat(receiver.received()).extracting(Receiver.Received::path).containsExactly("/moved");
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeIsAFailureWithoutStatus() {
        receiver.thenAnswerAfter(2000, 200);

        SendOutcome outcome = send(WebhookApiVersion.V3, WebhookEventType.DEPLOYMENT_CREATED, "/slow");

        assertThat(outcome.httpStatus()).isNull();
        assertThat(outcome.error()).contains("No response within 500 ms");
        assertThat(outcome.latencyMs()).isBetween(400L, 1900L);
    }

    @Test
    void aRefusedConnectionIsAFailureWithoutStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            closedPort = socket.getLocalPort();
        }
        WebhookSubscription subscription = subscription(WebhookApiVersion.V3, "http://127.0.0.1:" + closedPort + "/",
                WebhookEventType.DEPLOYMENT_CREATED);

        SendOutcome outcome = sender.send(new OutgoingWebhook(subscription,
                event(WebhookEventType.DEPLOYMENT_CREATED), loopback(), SENT));

        assertThat(outcome.httpStatus()).isNull();
        assertThat(outcome.error()).isNotBlank();
    }

    @Test
    void anHttpTargetIsReachedAtTheCheckedAddressWithItsOwnHostHeader() {
        // hooks.example.test does not resolve anywhere: the request can only arrive because the
        // sender connects to the address it was given instead of resolving the name again.
        String url = "http://hooks.example.test:" + receiver.port() + "/in?x=1";
        WebhookSubscription subscription = subscription(WebhookApiVersion.V3, url,
                WebhookEventType.DEPLOYMENT_CREATED);

        SendOutcome outcome = sender.send(new OutgoingWebhook(subscription,
                event(WebhookEventType.DEPLOYMENT_CREATED), loopback(), SENT));

        assertThat(outcome.httpStatus()).isEqualTo(204);
        assertThat(receiver.received().get(0).header("Host")).isEqualTo("hooks.example.test:" + receiver.port());
        assertThat(receiver.received().get(0).path()).isEqualTo("/in");
    }

    @Test
    void retryAfterInThePastOrGarbledIsIgnored() {
        java.net.http.HttpHeaders past = java.net.http.HttpHeaders.of(Map.of("Retry-After",
                java.util.List.of("Wed, 21 Oct 2015 07:28:00 GMT")), (a, b) -> true);
        java.net.http.HttpHeaders garbled = java.net.http.HttpHeaders.of(Map.of("Retry-After",
                java.util.List.of("soon")), (a, b) -> true);

        assertThat(HttpWebhookSender.retryAfter(past, Instant.now())).isEqualTo(Optional.empty());
        assertThat(HttpWebhookSender.retryAfter(garbled, Instant.now())).isEqualTo(Optional.empty());
    }
}
