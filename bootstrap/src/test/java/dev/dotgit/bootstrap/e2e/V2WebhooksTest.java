package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.testing.golden.GoldenFixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v2 webhooks on the assembled server (H2, the real sender over loopback): subscribe through
 * {@code POST /v2/webhooks}, deploy through v2, receive seed 002's envelope ({@code deploy.success})
 * and seed 003's ({@code deployment.completed}), each signed in {@code X-Signature-256} and
 * {@code X-Git-Signature} with the whole secret as the HMAC key, list the deliveries, redeliver
 * one and receive the same event again. Internal targets not in the allowed hosts are refused.
 *
 * <p>The shared server allows {@code 127.0.0.1} (see {@code E2eServer}); the subscription lives in
 * an account of its own, so other tests' deployments raise nothing here.
 */
class V2WebhooksTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final Api api = SERVER.api();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    /** One request the receiver got: its signature headers and its body exactly as sent. */
    private record Received(String path, String signature256, String gitSignature, String gitEvent, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readValue(body, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String eventId() {
            return json().get("id").getStringValue();
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-Git-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Git-Event"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed by the whole secret string (CONTRACT §6). */
    private static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account of its own, made through the operator surface; its admin key. */
    private String newAccount(String slug) {
        Response created = api.operator().contentType(ContentType.JSON)
                .body(Api.json(Map.of("slug", slug, "plan", "pro"))).post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("api_key.secret");
    }

    private static void assertV2Error(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.header("Api-Version")).isEqualTo("v2");
        assertThat(response.<String>path("error.code")).isEqualTo(code);
        assertThat(response.<Integer>path("error.status")).isEqualTo(status);
        assertThat(response.<String>path("error.details.request_id")).isEqualTo(response.header("X-Request-Id"));
    }

    private List<Received> awaitReceived(int count) {
        await("%d webhook requests".formatted(count)).atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> received.size() >= count);
        return List.copyOf(received);
    }

    @Test
    void subscribeDeployReceiveBothSignedEnvelopesListDeliveriesAndRedeliver() throws InterruptedException {
        String slug = "v2hooks-" + ServerSettings.randomAlphanumeric(8);
        String key = newAccount(slug);
        String name = "hooked-" + ServerSettings.randomAlphanumeric(6);

        // 1. Subscribe through v2 to both seeds' events; the secret is shown this once.
        String url = receiverUrl("/hooks/" + slug);
        Response subscribed = api.as(key).contentType(ContentType.JSON)
                .body(GoldenJson.request("webhooks/create.request.json", Map.of("url", url))).post("/v2/webhooks");
        assertThat(subscribed.statusCode()).as(subscribed.asString()).isEqualTo(201);
        assertThat(subscribed.header("Api-Version")).isEqualTo("v2");
        GoldenJson.assertMatches("webhooks/create.response.json", subscribed.asString(), Map.of("url", url));
        String webhookId = subscribed.path("id");
        String secret = subscribed.path("secret");
        assertThat(api.as(key).get("/v2/webhooks/" + webhookId).asString()).doesNotContain(secret);

        // 2. A repository and a deployment through v2, to live.
        Response repository = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", name, "owner", slug))).post("/v2/repositories");
        assertThat(repository.statusCode()).as(repository.asString()).isEqualTo(201);
        Response deployed = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("repo_id", repository.path("id"), "branch", "main", "env", "preview")))
                .post("/v2/deployments");
        assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
        String deploymentId = deployed.path("id");
        String hostedUrl = "http://" + deploymentId + "." + api.hostingDomain();
        await("deployment to go live").atMost(Api.DEPLOYMENT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> "live".equals(api.as(key).get("/v2/deployments/" + deploymentId).path("status")));

        // 3. Both envelopes arrive, each signed twice with the same value.
        List<Received> first = awaitReceived(2);
        assertThat(first).extracting(Received::path).containsOnly("/hooks/" + slug);
        for (Received request : first) {
            assertThat(request.signature256()).as(request.text()).isEqualTo(signature(secret, request.body()));
            assertThat(request.gitSignature()).isEqualTo(request.signature256());
        }
        Received success = first.stream().filter(r -> "deploy.success".equals(r.gitEvent())).findFirst().orElseThrow();
        Received completed = first.stream().filter(r -> "deployment.completed".equals(r.gitEvent())).findFirst()
                .orElseThrow();
        GoldenFixtures.assertMatchesJson("""
                {"event":"deploy.success","id":"{{id:evt}}","timestamp":"{{timestamp}}",
                 "data":{"deployment_id":"{{var:deployment}}","url":"{{var:url}}","duration_ms":"{{integer}}"}}""",
                success.text(), Map.of("deployment", deploymentId, "url", hostedUrl), "seed 002 envelope");
        GoldenFixtures.assertMatchesJson("""
                {"id":"{{id:evt}}","type":"deployment.completed","timestamp":"{{integer}}",
                 "data":{"project":"{{var:project}}","status":"live","url":"{{var:url}}","duration_ms":"{{integer}}"}}""",
                completed.text(), Map.of("project", name, "url", hostedUrl), "seed 003 envelope");
        long unix = completed.json().get("timestamp").getLongValue();
        assertThat(Instant.ofEpochSecond(unix)).isBetween(Instant.now().minusSeconds(300), Instant.now());
        assertThat(success.eventId()).isNotEqualTo(completed.eventId());

        // 4. The deliveries, as the account sees them: both succeeded at the first attempt.
        String deliveriesPath = "/v2/webhooks/" + webhookId + "/deliveries";
        Response succeeded = api.as(key).queryParam("status", "succeeded").get(deliveriesPath);
        assertThat(succeeded.statusCode()).as(succeeded.asString()).isEqualTo(200);
        assertThat(succeeded.<List<String>>path("data.event")).containsExactlyInAnyOrder("deploy.success",
                "deployment.completed");
        assertThat(succeeded.<List<String>>path("data.event_id")).containsExactlyInAnyOrder(success.eventId(),
                completed.eventId());
        assertThat(succeeded.<List<Integer>>path("data.attempts[0].status_code")).containsOnly(204);
        assertThat(api.as(key).queryParam("status", "pending").get(deliveriesPath).<List<?>>path("data")).isEmpty();
        assertThat(api.as(key).queryParam("status", "failed").get(deliveriesPath).<List<?>>path("data")).isEmpty();
        String successDelivery = succeeded.<List<Map<String, Object>>>path("data").stream()
                .filter(d -> "deploy.success".equals(d.get("event"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow();

        // 5. Redeliver deploy.success: the same event (same id, same signed body) arrives again.
        Response again = api.as(key).post(deliveriesPath + "/" + successDelivery + "/redeliver");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        assertThat(again.<String>path("event_id")).isEqualTo(success.eventId());
        assertThat(again.<String>path("redelivery_of")).isEqualTo(successDelivery);
        Received redelivered = awaitReceived(3).get(2);
        assertThat(redelivered.eventId()).isEqualTo(success.eventId());
        assertThat(redelivered.text()).isEqualTo(success.text());
        assertThat(redelivered.signature256()).isEqualTo(signature(secret, redelivered.body()));
        await("the redelivery to be recorded").atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> api.as(key).queryParam("status", "succeeded").get(deliveriesPath)
                        .<List<?>>path("data").size() == 3);
        Thread.sleep(500); // time for a stray extra request to show up
        assertThat(received).hasSize(3);
    }

    @Test
    void internalTargetsNotInTheAllowedHostsAreRefusedInV2sEnvelope() {
        for (Map.Entry<String, String> target : Map.of(
                "http://127.0.0.2/hook", "127.0.0.2",
                "http://2130706433/", "2130706433",
                "http://localhost:" + receiver.getAddress().getPort() + "/hook", "localhost").entrySet()) {
            Response refused = api.admin().contentType(ContentType.JSON)
                    .body(Api.json(Map.of("url", target.getKey(), "events", List.of("deploy.success"))))
                    .post("/v2/webhooks");

            assertV2Error(refused, 400, "validation_failed");
            GoldenJson.assertMatches("errors/validation-webhook-url-internal.json", refused.asString(),
                    Map.of("request_id", refused.header("X-Request-Id"), "host", target.getValue()));
        }
        assertThat(received).isEmpty();
    }
}
