package dev.dotgit.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects access tests are built from, made over HTTP the way a user makes them: accounts
 * through the operator surface, keys through {@code POST /v3/api-keys}, projects, deployments
 * and webhooks through the public API. Each helper asserts its creation succeeded, so a broken
 * set-up fails where it breaks.
 */
public final class AccessFixtures {

    private AccessFixtures() {
    }

    /** An account of the test's own, with the admin key its creation shows once. */
    public record Account(String slug, KeyClient admin) {
    }

    /** A project and the repository connected to it. */
    public record Project(String id, String name, String repositoryId) {
    }

    /**
     * The access tests send hundreds of requests per account within seconds, more than a plan's
     * burst; their accounts get the highest custom numbers so that only access rules decide what
     * they see (the limits themselves are {@code RateLimitTest}'s).
     */
    private static final Map<String, Integer> UNLIMITED_FOR_ACCESS_TESTS =
            Map.of("per_minute", 1_000_000, "burst", 1_000_000);

    public static Account createAccount(Api api, String base) {
        String slug = base + "-" + ServerSettings.randomAlphanumeric(8);
        Response created = api.operator().contentType(ContentType.JSON)
                .body(Api.json(Map.of("slug", slug, "plan", "pro", "rate_limit", UNLIMITED_FOR_ACCESS_TESTS)))
                .post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return new Account(slug, new KeyClient(api, created.path("api_key.id"), created.path("api_key.secret")));
    }

    /** {@code POST /v3/api-keys}; restrictions are left out of the body when empty. */
    public static KeyClient issueKey(KeyClient issuer, List<String> scopes, List<String> projectIds,
                                     List<String> environments) {
        Reply created = issuer.post("/v3/api-keys", keyBody(scopes, projectIds, environments));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return new KeyClient(issuer.api(), created.path("id"), created.path("secret"));
    }

    public static Map<String, Object> keyBody(List<String> scopes, List<String> projectIds,
                                              List<String> environments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "access test " + String.join("+", scopes));
        body.put("scopes", scopes);
        if (!projectIds.isEmpty()) {
            body.put("project_ids", projectIds);
        }
        if (!environments.isEmpty()) {
            body.put("environments", environments);
        }
        return body;
    }

    /** {@code POST /v3/projects}, which also creates the project's repository. */
    public static Project createProject(KeyClient client, String base, String buildCommand) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", base + "-" + ServerSettings.randomAlphanumeric(8));
        if (buildCommand != null) {
            body.put("build_command", buildCommand);
        }
        Reply created = client.post("/v3/projects", body);
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return new Project(created.path("id"), created.path("name"), created.path("repo_id"));
    }

    /** {@code POST /v3/projects/{id}/deployments} of {@code main}; the new deployment's id. */
    public static String deploy(KeyClient client, String projectId, String environment) {
        Reply created = client.post("/v3/projects/" + projectId + "/deployments",
                Map.of("branch", "main", "environment", environment));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return created.path("id");
    }

    /** As {@link #deploy}, then waits until it is live. */
    public static String deployLive(KeyClient client, String projectId, String environment) {
        String id = deploy(client, projectId, environment);
        client.api().awaitFinalStatus(client.secret(), id, "success");
        return id;
    }

    /** A subscription through {@code POST /v2/webhooks} or {@code POST /v3/webhooks}; its id. */
    public static String subscribe(KeyClient client, String version, String url, List<String> events) {
        Reply created = client.post("/" + version + "/webhooks", Map.of("url", url, "events", events));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return created.path("id");
    }

    /** The newest delivery of a subscription, as its list shows it. */
    public static String newestDelivery(KeyClient client, String version, String webhookId) {
        Reply deliveries = client.get("/" + version + "/webhooks/" + webhookId + "/deliveries");
        assertThat(deliveries.status()).as(deliveries.describe()).isEqualTo(200);
        List<String> ids = deliveries.path(version.equals("v2") ? "data.id" : "deliveries.id");
        assertThat(ids).as("deliveries of %s", webhookId).isNotEmpty();
        return ids.get(0);
    }

    /** A webhook target on loopback that accepts everything with 204. */
    public static final class Receiver implements AutoCloseable {

        private final HttpServer server;

        private Receiver(HttpServer server) {
            this.server = server;
        }

        public static Receiver start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
                server.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
                server.start();
                return new Receiver(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
