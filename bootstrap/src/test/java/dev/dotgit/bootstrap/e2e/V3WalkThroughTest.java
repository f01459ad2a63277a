package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.SseClient;
import dev.dotgit.adapter.rest.v3.support.SseClient.SseEvent;
import dev.dotgit.adapter.rest.v3.support.SseClient.Stream;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v3 on the assembled server: a project, a production deployment followed over SSE to its
 * end, a resumed stream that repeats nothing, and an auto-rollback that keeps production on
 * the last good deployment.
 */
class V3WalkThroughTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final Set<String> FINAL = Set.of("live", "failed", "cancelled");

    /**
     * The build fails when FAIL=1 and otherwise writes the value of MARK into the site, so the
     * test can tell which deployment a site serves.
     */
    private static final String BUILD = "test \"$FAIL\" != 1 && echo \"$MARK\" > marker.txt && echo built";

    @Test
    void createDeployFollowTheLogAndRollBackAutomatically() {
        Api api = SERVER.api();
        String key = api.bootstrapKey();
        String name = "v3-walk-" + ServerSettings.randomAlphanumeric(6).toLowerCase();

        Response project = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", name, "build_command", BUILD))).post("/v3/projects");
        assertThat(project.statusCode()).as(project.asString()).isEqualTo(201);
        assertThat(project.header("Api-Version")).isEqualTo("v3");
        assertThat(project.<String>path("status")).isEqualTo("active");
        String projectId = project.path("id");

        Response first = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("environment", "production", "env_vars", Map.of("MARK", "first-build"))))
                .post("/v3/projects/" + projectId + "/deployments");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(first.<String>path("status")).isEqualTo("queued");
        assertThat(first.asString()).doesNotContain("first-build");
        String firstId = first.path("id");

        // Opened at once, the stream follows the build live and ends with its final status.
        URI server = URI.create("http://127.0.0.1:" + api.port());
        Map<String, String> auth = Map.of("Authorization", "Bearer " + key);
        Stream followed = SseClient.read(server, "/v3/sse/logs/" + firstId, auth, Api.DEPLOYMENT_TIMEOUT, e -> { });
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.header("Content-Type")).startsWith("text/event-stream");
        List<SseEvent> lines = followed.named("log");
        assertThat(lines).isNotEmpty();
        assertThat(lines).extracting(SseEvent::id).doesNotHaveDuplicates();
        List<SseEvent> data = followed.events().stream().filter(e -> e.comment() == null).toList();
        assertThat(data.get(data.size() - 1).name()).isEqualTo("end");
        assertThat(data.get(data.size() - 1).data()).isEqualTo("{\"status\":\"live\"}");

        Response live = api.as(key).get("/v3/deployments/" + firstId);
        assertThat(live.<String>path("status")).isEqualTo("live");
        GoldenJson.assertMatches("deployments/get-live.response.json",
                live.asString().replace(api.hostingDomain(), "localhost:8080"),
                Map.of("deployment_id", firstId, "project_id", projectId));

        // The same lines as the paged log, in order.
        List<String> paged = api.as(key).queryParam("limit", 100).get("/v3/deployments/" + firstId + "/logs")
                .path("logs.msg");
        assertThat(lines).extracting(e -> msg(e.data())).containsExactlyElementsOf(paged);

        // A reconnect after line n gets exactly the lines after n, once, then the end.
        String n = lines.get(lines.size() / 2).id();
        Stream resumed = SseClient.read(server, "/v3/sse/logs/" + firstId,
                Map.of("Authorization", "Bearer " + key, "Last-Event-ID", n), Api.DEPLOYMENT_TIMEOUT, e -> { });
        assertThat(resumed.named("log")).extracting(SseEvent::id)
                .containsExactlyElementsOf(lines.subList(lines.size() / 2 + 1, lines.size()).stream()
                        .map(SseEvent::id).toList());
        assertThat(resumed.named("end")).hasSize(1);

        assertThat(api.site(name).get("/marker.txt").asString().strip()).isEqualTo("first-build");

        // A failing production deployment with auto_rollback leaves production on the first.
        Response second = api.as(key).contentType(ContentType.JSON)
                .body(Api.json(Map.of("auto_rollback", true, "env_vars", Map.of("FAIL", "1", "MARK", "second"))))
                .post("/v3/projects/" + projectId + "/deployments");
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        assertThat(second.<Boolean>path("auto_rollback")).isTrue();
        String secondId = second.path("id");
        Response failed = awaitFinal(api, key, secondId);
        assertThat(failed.<String>path("status")).as(failed.asString()).isEqualTo("failed");
        assertThat(failed.<String>path("rolled_back_to")).isEqualTo(firstId);
        Stream failedStream = SseClient.read(server, "/v3/sse/logs/" + secondId, auth, Api.DEPLOYMENT_TIMEOUT,
                e -> { });
        assertThat(failedStream.named("end")).extracting(SseEvent::data).containsExactly("{\"status\":\"failed\"}");

        assertThat(api.site(name).get("/marker.txt").asString().strip()).isEqualTo("first-build");
        assertThat(api.as(key).get("/v3/projects/" + projectId).<String>path("status")).isEqualTo("active");
    }

    @Test
    void aKeyIssuedThroughV3AuthenticatesUntilItIsRevoked() {
        Api api = SERVER.api();
        Response issued = api.admin().contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", "e2e reader", "scopes", List.of("deploy:read")))).post("/v3/api-keys");
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(201);
        String secret = issued.path("secret");
        assertThat(secret).startsWith("gsk_live_");

        assertThat(api.as(secret).get("/v3/projects").statusCode()).isEqualTo(200);
        Response refused = api.as(secret).contentType(ContentType.JSON).body("{\"name\":\"nope-nope\"}")
                .post("/v3/projects");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.<String>path("error.code")).isEqualTo("insufficient_scope");
        assertThat(refused.<String>path("error.request_id")).isEqualTo(refused.header("X-Request-Id"));
        assertThat(api.admin().get("/v3/api-keys").asString()).doesNotContain(secret);

        assertThat(api.admin().delete("/v3/api-keys/" + issued.path("id")).statusCode()).isEqualTo(204);
        Response revoked = api.as(secret).get("/v3/projects");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.<String>path("error.code")).isEqualTo("invalid_api_key");
        assertThat(revoked.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(revoked.header("Api-Version")).isEqualTo("v3");
    }

    private static Response awaitFinal(Api api, String key, String id) {
        AtomicReference<Response> last = new AtomicReference<>();
        await("deployment " + id + " to finish").atMost(Api.DEPLOYMENT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response current = api.as(key).get("/v3/deployments/" + id);
                    last.set(current);
                    return FINAL.contains(current.<String>path("status"));
                });
        return last.get();
    }

    private static String msg(String data) {
        try {
            return io.micronaut.json.JsonMapper.createDefault().readValue(data, io.micronaut.json.tree.JsonNode.class)
                    .get("msg").getStringValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
