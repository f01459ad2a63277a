package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.SseClient;
import dev.dotgit.adapter.rest.v3.support.SseClient.SseEvent;
import dev.dotgit.adapter.rest.v3.support.SseClient.Stream;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.domain.deployment.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v3/sse/logs/{id}} read by a real HTTP client over loopback: replay, live
 * following, resumption, heartbeats, the end event, and refusals as normal v3 errors.
 */
abstract class LogStreamSpec extends V3Spec {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    LogStreamSpec(Supplier<V3Api> server) {
        super(server);
    }

    private Stream stream(String path, Map<String, String> headers) {
        return SseClient.read(api.server(), path, headers, TIMEOUT, event -> { });
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + tenant.adminKey());
    }

    private List<String> messages(String id) {
        return tenant.admin().queryParam("limit", 100).get("/v3/deployments/" + id + "/logs").path("logs.msg");
    }

    @Test
    void aFinishedDeploymentReplaysEveryLineThenEnds() {
        String id = tenant.deploy(tenant.createProject());
        runPipelineOf(id);

        Stream stream = stream("/v3/sse/logs/" + id, auth());

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
        assertThat(stream.header("Api-Version")).isEqualTo("v3");
        List<SseEvent> logs = stream.named("log");
        assertThat(logs).extracting(SseEvent::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, logs.size()).mapToObj(Integer::toString).toList());
        List<String> shown = messages(id);
        assertThat(logs).hasSameSizeAs(shown);
        GoldenJson.assertMatchesJson("{\"ts\":\"{{unix}}\",\"level\":\"info\",\"msg\":\"{{var:msg}}\"}",
                logs.get(0).data(), Map.of("msg", shown.get(0)), "the first log event's data");
        List<SseEvent> data = stream.events().stream().filter(e -> e.comment() == null).toList();
        assertThat(data.get(data.size() - 1).name()).as("the last event").isEqualTo("end");
        GoldenJson.assertMatchesJson("{\"status\":\"live\"}", data.get(data.size() - 1).data(), Map.of(),
                "the end event");
    }

    @Test
    void followsARunningDeploymentLiveToItsEndAndHeartbeatsWhileWaiting() throws Exception {
        String id = tenant.deploy(tenant.createProject());
        List<SseEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Stream> reading = CompletableFuture.supplyAsync(
                () -> SseClient.read(api.server(), "/v3/sse/logs/" + id, auth(), TIMEOUT, received::add));

        await().atMost(TIMEOUT).until(() -> received.stream().anyMatch(e -> "heartbeat".equals(e.comment())));
        assertThat(received).as("nothing but heartbeats before the pipeline runs")
                .allMatch(e -> e.comment() != null || "log".equals(e.name()));
        runPipelineOf(id);

        Stream stream = reading.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(stream.named("log")).extracting(e -> GoldenJsonMsg.of(e.data())).containsExactlyElementsOf(messages(id));
        assertThat(stream.named("end")).hasSize(1);
        assertThat(stream.named("end").get(0).data()).isEqualTo("{\"status\":\"live\"}");
        assertThat(stream.comments()).extracting(SseEvent::comment).contains("heartbeat");
    }

    @Test
    void aReconnectWithLastEventIdGetsEveryLaterLineOnce() {
        String id = tenant.deploy(tenant.createProject());
        runPipelineOf(id);
        List<String> all = messages(id);

        Stream resumed = stream("/v3/sse/logs/" + id, Map.of("Authorization", "Bearer " + tenant.adminKey(),
                "Last-Event-ID", "2"));
        assertThat(resumed.named("log")).extracting(SseEvent::id).first().isEqualTo("3");
        assertThat(resumed.named("log")).extracting(e -> GoldenJsonMsg.of(e.data()))
                .containsExactlyElementsOf(all.subList(2, all.size()));
        assertThat(resumed.named("end")).hasSize(1);

        Stream byQuery = stream("/v3/sse/logs/" + id + "?after=" + all.size(), auth());
        assertThat(byQuery.named("log")).isEmpty();
        assertThat(byQuery.named("end")).extracting(SseEvent::data).containsExactly("{\"status\":\"live\"}");
    }

    @Test
    void aCancelledDeploymentEndsWithCancelled() {
        String id = tenant.deploy(tenant.createProject(), Environment.STAGING);
        tenant.admin().post("/v3/deployments/" + id + "/cancel");
        Stream stream = stream("/v3/sse/logs/" + id, auth());
        assertThat(stream.named("end")).extracting(SseEvent::data).containsExactly("{\"status\":\"cancelled\"}");
    }

    @Test
    void aDeploymentDeletedWhileStreamingEndsWithDeleted() throws Exception {
        String id = tenant.deploy(tenant.createProject(), Environment.STAGING);
        List<SseEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Stream> reading = CompletableFuture.supplyAsync(
                () -> SseClient.read(api.server(), "/v3/sse/logs/" + id, auth(), TIMEOUT, received::add));
        await().atMost(TIMEOUT).until(() -> received.stream().anyMatch(e -> "heartbeat".equals(e.comment())));

        assertThat(tenant.admin().delete("/v3/deployments/" + id).statusCode()).isEqualTo(204);

        Stream stream = reading.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<SseEvent> ends = stream.named("end");
        assertThat(ends).extracting(SseEvent::data).containsExactly("{\"status\":\"deleted\"}");
    }

    @Test
    void refusedRequestsGetTheNormalV3ErrorNotAStream() {
        String id = tenant.deploy(tenant.createProject());

        Stream anonymous = stream("/v3/sse/logs/" + id, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/json");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        GoldenJson.assertMatches("errors/missing-api-key.json", anonymous.body());

        Stream foreign = SseClient.read(api.server(), "/v3/sse/logs/" + id,
                Map.of("Authorization", "Bearer " + api.newTenant().adminKey()), TIMEOUT, e -> { });
        assertThat(foreign.status()).isEqualTo(404);
        GoldenJson.assertMatches("errors/not-found-deployment.json", foreign.body(), Map.of("deployment_id", id));

        Stream badResume = stream("/v3/sse/logs/" + id, Map.of("Authorization", "Bearer " + tenant.adminKey(),
                "Last-Event-ID", "abc"));
        assertThat(badResume.status()).isEqualTo(400);
        assertThat(badResume.body()).contains("\"code\":\"validation_failed\"").contains("\"field\":\"Last-Event-ID\"");
    }

    /** The {@code msg} of a log event's data. */
    static final class GoldenJsonMsg {
        private static final io.micronaut.json.JsonMapper JSON = io.micronaut.json.JsonMapper.createDefault();

        static String of(String data) {
            try {
                return JSON.readValue(data, io.micronaut.json.tree.JsonNode.class).get("msg").getStringValue();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
