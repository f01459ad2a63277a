package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * v3 webhooks on the assembled server: a subscription made through {@code POST /v3/webhooks}
 * to a receiver on loopback (the shared test server allows 127.0.0.1 as a target), a v3
 * deployment whose two events arrive as Standard Webhooks, verified here with the secret the
 * creation reply showed; the deliveries as the API lists them; a redelivery that brings the
 * same event id again. Targets inside the network that are not allowed hosts are refused.
 */
class V3WebhooksTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

    /** What the receiver got: the Standard Webhooks headers and the raw body. */
    private record Received(String id, String timestamp, String signature, String contentType, String body) {

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void subscribeDeployReceiveSignedEnvelopesListDeliveriesAndRedeliver() throws Exception {
        Api api = SERVER.api();
        // An account of its own, so that no other test's deployment reaches this subscription.
        String key = newAccountKey(api);
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";

        Response created = api.as(key).contentType(ContentType.JSON).body(Api.json(Map.of("url", hookUrl,
                "events", List.of("deployment.created", "deployment.succeeded")))).post("/v3/webhooks");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Api-Version")).isEqualTo("v3");
        assertThat(created.<String>path("api_version")).isEqualTo("v3");
        assertThat(created.<String>path("status")).isEqualTo("active");
        String webhookId = created.path("id");
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        byte[] signingKey = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        assertThat(signingKey).hasSize(32);
        assertThat(api.as(key).get("/v3/webhooks/" + webhookId).asString()).doesNotContain(secret);

        Response project = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", "v3-hooks-" + ServerSettings.randomAlphanumeric(6))))
                .post("/v3/projects");
        assertThat(project.statusCode()).as(project.asString()).isEqualTo(201);
        String projectId = project.path("id");
        Response deployed = api.as(key).contentType(ContentType.JSON).body("{}")
                .post("/v3/projects/" + projectId + "/deployments");
        assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
        String deploymentId = deployed.path("id");

        await("both events").atMost(Api.DEPLOYMENT_TIMEOUT).until(() -> received.size() >= 2);
        Thread.sleep(500); // time for a stray extra delivery to show up
        assertThat(received).hasSize(2);
        for (Received hook : received) {
            assertSignedAsStandardWebhooks(hook, signingKey);
            JsonPath envelope = hook.json();
            assertThat(envelope.getMap("")).containsOnlyKeys("id", "type", "created_at", "api_version",
                    "sequence", "data");
            assertThat(envelope.getString("id")).isEqualTo(hook.id()).startsWith("evt_");
            assertThat(envelope.getString("api_version")).isEqualTo("v3");
            assertThat(envelope.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(envelope.getString("data.id")).isEqualTo(deploymentId);
            assertThat(envelope.getString("data.project_id")).isEqualTo(projectId);
        }
        Received createdEvent = byType("deployment.created");
        Received succeededEvent = byType("deployment.succeeded");
        assertThat(createdEvent.json().getString("data.status")).isEqualTo("queued");
        assertThat(succeededEvent.json().getLong("sequence")).as("sequence increases per deployment")
                .isGreaterThan(createdEvent.json().getLong("sequence"));
        // The data is the v3 deployment object, exactly as GET /v3/deployments/{id} shows it now.
        Response live = api.as(key).get("/v3/deployments/" + deploymentId);
        assertThat(live.<String>path("status")).isEqualTo("live");
        assertThat(succeededEvent.json().getMap("data")).isEqualTo(JsonPath.from(live.asString()).getMap(""));

        // The deliveries as the API shows them: each event once, delivered at the first attempt.
        String deliveries = "/v3/webhooks/" + webhookId + "/deliveries";
        Response succeeded = api.as(key).queryParam("status", "succeeded").get(deliveries);
        assertThat(succeeded.statusCode()).as(succeeded.asString()).isEqualTo(200);
        assertThat(succeeded.<List<String>>path("deliveries.event_type"))
                .containsExactly("deployment.succeeded", "deployment.created");
        assertThat(succeeded.<List<String>>path("deliveries.event_id"))
                .containsExactly(succeededEvent.id(), createdEvent.id());
        assertThat(succeeded.<List<Integer>>path("deliveries.attempts.status_code.flatten()"))
                .containsExactly(204, 204);
        assertThat(succeeded.<List<Object>>path("deliveries.attempts.error.flatten()")).containsOnlyNulls();
        assertThat(succeeded.<List<Integer>>path("deliveries.attempts.latency_ms.flatten()"))
                .allMatch(latency -> latency >= 0);
        assertThat(api.as(key).queryParam("status", "pending").get(deliveries).<List<?>>path("deliveries"))
                .isEmpty();
        Response typo = api.as(key).queryParam("status", "delivered").get(deliveries);
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.<String>path("error.details.field")).isEqualTo("status");

        // A redelivery is a new delivery of the same event: the receiver sees the same id again.
        String createdDelivery = succeeded.path("deliveries[1].id");
        Response again = api.as(key).post(deliveries + "/" + createdDelivery + "/redeliver");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        assertThat(again.<String>path("event_id")).isEqualTo(createdEvent.id());
        assertThat(again.<String>path("redelivery_of")).isEqualTo(createdDelivery);
        await("the redelivery").atMost(ARRIVAL_TIMEOUT).until(() -> received.size() >= 3);
        Received redelivered = received.get(2);
        assertThat(redelivered.id()).isEqualTo(createdEvent.id());
        assertThat(redelivered.body()).isEqualTo(createdEvent.body());
        assertSignedAsStandardWebhooks(redelivered, signingKey);
        await("the redelivery to be recorded").atMost(ARRIVAL_TIMEOUT).until(() -> api.as(key)
                .queryParam("status", "succeeded").get(deliveries).<List<?>>path("deliveries").size() == 3);

        assertThat(api.as(key).delete("/v3/webhooks/" + webhookId).statusCode()).isEqualTo(204);
        assertThat(api.as(key).get("/v3/webhooks/" + webhookId).statusCode()).isEqualTo(404);
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsOutsideTheAllowedHostsAreRefused() {
        Api api = SERVER.api();
        Map<String, String> refusals = Map.of(
                "http://10.0.0.1/hook", "private address",
                "http://169.254.169.254/", "link-local address",
                // Allowed hosts match the host as written: 127.0.0.1 is allowed, localhost is not.
                "http://localhost:" + receiver.getAddress().getPort() + "/hooks", "loopback address",
                "http://[::1]/hook", "loopback address",
                "http://100.64.0.1/hook", "shared (CGNAT) address");
        refusals.forEach((url, why) -> {
            Response refused = api.admin().contentType(ContentType.JSON)
                    .body(Api.json(Map.of("url", url, "events", List.of("deployment.created")))).post("/v3/webhooks");
            assertThat(refused.statusCode()).as(url + " → " + refused.asString()).isEqualTo(400);
            assertThat(refused.header("Api-Version")).isEqualTo("v3");
            assertThat(refused.<String>path("error.code")).isEqualTo("validation_failed");
            assertThat(refused.<String>path("error.details.field")).isEqualTo("url");
            assertThat(refused.<String>path("error.message")).startsWith("Invalid url value: '" + url + "'.")
                    .contains(why);
            assertThat(refused.<String>path("error.request_id")).isEqualTo(refused.header("X-Request-Id"))
                    .startsWith("req_");
        });
        assertThat(received).isEmpty();
    }

    private Received byType(String type) {
        return received.stream().filter(r -> r.json().getString("type").equals(type)).findFirst().orElseThrow();
    }

    /** {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the decoded secret. */
    private static void assertSignedAsStandardWebhooks(Received hook, byte[] key) throws Exception {
        assertThat(hook.id()).startsWith("evt_");
        assertThat(hook.contentType()).startsWith("application/json");
        assertThat(hook.timestamp()).matches("\\d{10}");
        assertThat(Math.abs(Long.parseLong(hook.timestamp()) - Instant.now().getEpochSecond()))
                .as("webhook-timestamp is unix seconds of now").isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (hook.id() + "." + hook.timestamp() + "." + hook.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(List.of(hook.signature().split(" "))).as("webhook-signature").contains(expected);
    }

    private static String newAccountKey(Api api) {
        String slug = "v3-hooks-" + ServerSettings.randomAlphanumeric(8);
        Response account = api.operator().contentType(ContentType.JSON)
                .body(Api.json(Map.of("slug", slug, "plan", "pro"))).post("/admin/accounts");
        assertThat(account.statusCode()).as(account.asString()).isEqualTo(201);
        return account.path("api_key.secret");
    }
}
