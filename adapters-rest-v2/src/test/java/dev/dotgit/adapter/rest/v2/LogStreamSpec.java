package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.adapter.rest.v2.support.LogSocket;
import dev.dotgit.adapter.rest.v2.support.RawHttp;
import dev.dotgit.adapter.rest.v2.support.RawUpgrade;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.project.ProjectId;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v2/deployments/{id}/logs} as a WebSocket, with a real client over loopback:
 * replay, live following, the end frame, resume, deletion mid-stream, and every refusal
 * answered before the upgrade in v2's envelope.
 */
abstract class LogStreamSpec extends V2Spec {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    LogStreamSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static JsonNode parse(String frame) {
        try {
            return JSON.readValue(frame, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logsPath(String deploymentId) {
        return "/v2/deployments/" + deploymentId + "/logs";
    }

    private Caller admin() {
        return platform.authenticateCaller.authenticate(tenant.adminKey());
    }

    private String finishedDeployment() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("logs")));
        runPipelineOf(id);
        return id;
    }

    private static void assertLineFrames(List<JsonNode> lines, long firstSeq) {
        long expected = firstSeq;
        for (JsonNode line : lines) {
            assertThat(line.get("seq").getLongValue()).isEqualTo(expected++);
            assertThat(line.get("ts").getStringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(line.get("level").getStringValue()).isIn("info", "warn", "error");
            assertThat(line.get("msg").isString()).isTrue();
        }
    }

    @Test
    void aFinishedDeploymentReplaysEveryLineThenEnds() {
        String id = finishedDeployment();
        int lineCount = tenant.admin().get("/v2/deployments/" + id).statusCode() == 200
                ? platform.readDeploymentLogs.read(admin(), id,
                        dev.dotgit.application.port.in.deployment.LogRange.after(0, 1000)).lines().items().size()
                : -1;

        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id), tenant.adminKey())) {
            List<String> frames = socket.untilClosed(10);

            assertThat(socket.closeCode(1)).isEqualTo(1000);
            assertThat(frames).hasSize(lineCount + 1);
            List<JsonNode> parsed = frames.stream().map(LogStreamSpec::parse).toList();
            assertLineFrames(parsed.subList(0, lineCount), 1);
            assertThat(parsed.get(0).get("msg").getStringValue()).startsWith("Deployment queued: main@");
            assertMatches("deployments/log-line.frame.json", frames.get(0));
            assertMatches("deployments/log-end.frame.json", frames.get(frames.size() - 1), Map.of("status", "live"));
        }
    }

    @Test
    void resumesAfterAGivenSequenceNumber() {
        String id = finishedDeployment();

        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id) + "?after=2", tenant.adminKey())) {
            List<String> frames = socket.untilClosed(10);

            assertThat(parse(frames.get(0)).get("seq").getLongValue()).isEqualTo(3);
            assertThat(parse(frames.get(frames.size() - 1)).get("type").getStringValue()).isEqualTo("end");
        }
    }

    @Test
    void followsLiveLinesUntilTheDeploymentEnds() throws Exception {
        String name = Tenant.uniqueName("live");
        ProjectId project = platform.createProject.create(admin(),
                CreateProjectCommand.of(name, null, null, "make site", null)).project().id();
        platform.builds.printing("compiling the site", "still compiling").blockingUntilCancelled();
        String id = tenant.admin().contentType(ContentType.JSON)
                .body("{\"project\":\"" + name + "\",\"branch\":\"main\"}").post("/v2/deployments").path("id");
        assertThat(project).isNotNull();

        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id), tenant.adminKey())) {
            assertThat(parse(socket.next()).get("seq").getLongValue()).isEqualTo(1);
            CompletableFuture<Void> pipeline = CompletableFuture.runAsync(() -> runPipelineOf(id));

            List<String> live = new ArrayList<>();
            while (live.stream().noneMatch(f -> f.contains("still compiling"))) {
                live.add(socket.next());
            }
            assertThat(tenant.admin().get("/v2/deployments/" + id).<String>path("status")).isEqualTo("building");

            assertThat(tenant.admin().post("/v2/deployments/" + id + "/cancel").statusCode()).isEqualTo(200);
            List<String> rest = socket.untilClosed(10);
            pipeline.get();

            assertThat(socket.closeCode(1)).isEqualTo(1000);
            List<JsonNode> lines = new ArrayList<>();
            live.forEach(f -> lines.add(parse(f)));
            rest.subList(0, rest.size() - 1).forEach(f -> lines.add(parse(f)));
            assertLineFrames(lines, 2);
            assertMatches("deployments/log-end.frame.json", rest.get(rest.size() - 1), Map.of("status", "cancelled"));
        }
    }

    @Test
    void aDeploymentThatGoesLiveWhileWatchedEndsWithLive() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("golive")));

        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id), tenant.adminKey())) {
            assertThat(parse(socket.next()).get("seq").getLongValue()).isEqualTo(1);
            runPipelineOf(id);
            List<String> rest = socket.untilClosed(10);

            assertMatches("deployments/log-end.frame.json", rest.get(rest.size() - 1), Map.of("status", "live"));
            assertThat(tenant.admin().get("/v2/deployments/" + id).<String>path("status")).isEqualTo("live");
        }
    }

    @Test
    void aDeploymentDeletedWhileWatchedEndsTheStream() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("gone")));

        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id), tenant.adminKey())) {
            assertThat(parse(socket.next()).get("seq").getLongValue()).isEqualTo(1);
            platform.deleteDeployment.delete(admin(), id);
            List<String> rest = socket.untilClosed(10);

            assertThat(socket.closeCode(1)).isEqualTo(1000);
            assertThat(socket.closeReason()).isEqualTo("deployment deleted");
            assertMatches("deployments/log-deleted.frame.json", rest.get(rest.size() - 1));
        }
    }

    @Test
    void noKeyIsRefusedBeforeTheUpgrade() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("nokey")));

        RawUpgrade.Reply refused = RawUpgrade.send(api.server(), logsPath(id), null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refused.header("Api-Version")).isEqualTo("v2");
        assertThat(refused.header("Upgrade")).isNull();
        assertMatches("errors/missing-api-key.json", refused.body(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void aBadKeyIsRefusedBeforeTheUpgrade() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("badkey")));

        RawUpgrade.Reply refused = RawUpgrade.send(api.server(), logsPath(id), "Bearer gsk_live_nope");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertMatches("errors/invalid-api-key.json", refused.body(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void anUnknownOrForeignDeploymentIsNotFoundBeforeTheUpgrade() {
        Tenant other = api.newTenant();
        String othersDeployment = other.deploy(other.createRepository(Tenant.uniqueName("theirs")));

        for (String id : new String[] {"dep_0000000000", othersDeployment, "not-an-id"}) {
            RawUpgrade.Reply refused = RawUpgrade.send(api.server(), logsPath(id), "Bearer " + tenant.adminKey());

            assertThat(refused.status()).isEqualTo(404);
            Map<String, String> vars = new HashMap<>();
            vars.put("request_id", refused.header("X-Request-Id"));
            vars.put("id", id);
            assertMatches("errors/not-found-deployment.json", refused.body(), vars);
        }
    }

    @Test
    void aBadAfterIsAValidationFailure() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("after")));

        RawUpgrade.Reply refused = RawUpgrade.send(api.server(), logsPath(id) + "?after=-1",
                "Bearer " + tenant.adminKey());

        assertThat(refused.status()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.body(),
                Map.of("request_id", refused.header("X-Request-Id"), "field", "after"));
    }

    @Test
    void aPlainGetIsAskedToUpgrade() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("plain")));

        HttpResponse<String> refused = RawHttp.send(api.server(), "GET", logsPath(id),
                Map.of("Authorization", "Bearer " + tenant.adminKey()), null);

        assertThat(refused.statusCode()).isEqualTo(426);
        assertThat(refused.headers().firstValue("Upgrade")).hasValue("websocket");
        assertThat(refused.headers().firstValue("Api-Version")).hasValue("v2");
        assertMatches("errors/upgrade-required.json", refused.body(),
                Map.of("request_id", refused.headers().firstValue("X-Request-Id").orElseThrow()));
    }

    @Test
    void aPlainGetWithoutAKeyIsUnauthorizedFirst() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("plain2")));

        HttpResponse<String> refused = RawHttp.send(api.server(), "GET", logsPath(id), Map.of(), null);

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aClientThatLeavesEarlyStopsItsStream() {
        String id = tenant.deploy(tenant.createRepository(Tenant.uniqueName("leave")));
        try (LogSocket socket = LogSocket.open(api.server(), logsPath(id), tenant.adminKey())) {
            assertThat(parse(socket.next()).get("seq").getLongValue()).isEqualTo(1);
        }
        // The server keeps answering normally after the client went away.
        await().atMost(Duration.ofSeconds(5)).until(() -> tenant.admin().get("/v2/deployments/" + id)
                .statusCode() == 200);
    }
}
