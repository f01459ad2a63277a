package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.ChildServer;
import dev.dotgit.bootstrap.e2e.support.InProcessServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook events are stored with the state change that raises them, so a node that dies right
 * after the commit loses none: the next node delivers every event, and a receiver that
 * deduplicates by {@code webhook-id} sees each exactly once.
 *
 * <p>There are no webhook routes yet (the v2 and v3 modules will add them), so the subscription
 * is created through the {@link CreateWebhookUseCase} bean of an in-process server over the same
 * data directory, which is then stopped before the child servers start.
 */
class WebhookRestartTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<ChildServer> servers = new ArrayList<>();
    private HttpServer receiver;

    /** Every request the receiver got: webhook-id → answers it gave (2xx or not). */
    private final Map<String, List<Integer>> answered = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(503);

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ChildServer server : servers) {
            server.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void eventsCommittedBeforeANodeDiesAreDeliveredAfterTheRestartOncePerEventIdAfterDedupe() throws Exception {
        startReceiver();
        ServerSettings settings = ServerSettings.fresh(work.resolve("data"))
                .with("dotgit.webhooks.allowed-hosts", "127.0.0.1")
                .with("dotgit.webhooks.retry-initial-delay", "500ms")
                .with("dotgit.webhooks.retry-max-delay", "1s");
        String secret = subscribeThroughTheUseCase(settings);

        ChildServer first = start(settings, "node-1");
        Api api = first.api();
        String key = api.bootstrapKey();
        String projectId = api.createProject(key, "hooks-" + ServerSettings.randomAlphanumeric(8), null, null)
                .path("id");
        String deploymentId = api.deploy(key, projectId, Map.of()).path("id");
        api.awaitFinalStatus(key, deploymentId, "success");
        // The receiver refuses everything so far: both events are committed, none is delivered.
        await().atMost(Duration.ofSeconds(30)).until(() -> answered.size() == 2);
        assertThat(answered.values()).allMatch(answers -> answers.stream().noneMatch(WebhookRestartTest::is2xx));

        first.crash();
        status.set(204);
        start(settings, "node-2");

        await().atMost(Duration.ofSeconds(60)).until(() -> answered.values().stream()
                .filter(answers -> answers.stream().anyMatch(WebhookRestartTest::is2xx)).count() == 2);
        Thread.sleep(2_000); // time for any stray extra delivery to show up
        Set<String> acknowledged = answered.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(WebhookRestartTest::is2xx))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(acknowledged).as("event ids after dedupe").hasSize(2).allMatch(id -> id.startsWith("evt_"));
        assertThat(answered.keySet()).as("no other event was ever sent").isEqualTo(acknowledged);
        assertThat(badSignatures).isEmpty();
        assertThat(bodies).allMatch(body -> body.contains("\"id\":\"" + deploymentId + "\""));
        assertThat(bodies.stream().map(b -> b.replaceAll(".*\"type\":\"([a-z.]+)\".*", "$1")).distinct())
                .containsExactlyInAnyOrder("deployment.created", "deployment.succeeded");
        assertThat(secret).startsWith("whsec_");
    }

    /** The subscription, made through the in-port bean (no route yet); returns its secret. */
    private String subscribeThroughTheUseCase(ServerSettings settings) throws Exception {
        try (InProcessServer server = InProcessServer.start(settings)) {
            Caller admin = server.context().getBean(AuthenticateCallerUseCase.class)
                    .authenticate(settings.bootstrapKey().reveal());
            CreatedWebhook created = server.context().getBean(CreateWebhookUseCase.class).create(admin,
                    new CreateWebhookCommand(WebhookApiVersion.V3,
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                            List.of("deployment.created", "deployment.succeeded")));
            verifier = Base64.getDecoder().decode(created.secret().substring("whsec_".length()));
            return created.secret();
        }
    }

    private volatile byte[] verifier;

    private void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(verifier, "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                if (!expected.equals(signature)) {
                    badSignatures.add(id);
                }
            } catch (Exception e) {
                badSignatures.add(id + ": " + e);
            }
            int answer = status.get();
            answered.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(answer);
            if (is2xx(answer)) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
    }

    private ChildServer start(ServerSettings settings, String name) {
        ChildServer server = ChildServer.start(settings, work, work.resolve(name + ".log"));
        servers.add(server);
        return server.awaitHealthy(START_TIMEOUT);
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }
}
