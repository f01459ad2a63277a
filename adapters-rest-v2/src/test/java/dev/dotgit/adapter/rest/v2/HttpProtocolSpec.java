package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.support.LogCapture;
import dev.dotgit.adapter.rest.v2.support.RawHttp;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the framework answers by itself under {@code /v2} still comes in v2's envelope with the
 * request id; every v2 response says which version answered; garbage never gets a 5xx.
 */
abstract class HttpProtocolSpec extends V2Spec {

    private static final int MAX_REQUEST_SIZE = 1_048_576;

    HttpProtocolSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static void assertV2Error(Response response, int status, String fixture) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Api-Version")).isEqualTo("v2");
        assertThat(response.asString()).doesNotContain("_links", "_embedded");
        assertMatches(fixture, response.asString(), Map.of("request_id", response.header("X-Request-Id")));
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put("Authorization", "Bearer " + tenant.adminKey());
        return RawHttp.send(api.server(), "POST", path, withKey, body);
    }

    private static void assertV2Error(HttpResponse<String> response, int status, String fixture) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Api-Version")).hasValue("v2");
        assertMatches(fixture, response.body(),
                Map.of("request_id", response.headers().firstValue("X-Request-Id").orElseThrow()));
    }

    @Test
    void successfulResponsesCarryTheApiVersionAndARequestId() {
        Response listed = tenant.admin().get("/v2/repositories");

        assertThat(listed.header("Api-Version")).isEqualTo("v2");
        assertThat(listed.header("X-Request-Id")).matches("req_[0-9a-z]{10}");
    }

    @Test
    void aSafeClientRequestIdIsKeptAndShownInTheError() {
        Response missing = tenant.admin().header("X-Request-Id", "client-id-42").get("/v2/repositories/repo_x");

        assertThat(missing.header("X-Request-Id")).isEqualTo("client-id-42");
        assertThat(missing.<String>path("error.details.request_id")).isEqualTo("client-id-42");
    }

    @Test
    void anUnsafeClientRequestIdIsReplaced() {
        Response missing = tenant.admin().header("X-Request-Id", "no spaces <allowed>").get("/v2/repositories/x");

        assertThat(missing.header("X-Request-Id")).matches("req_[0-9a-z]{10}");
        assertThat(missing.<String>path("error.details.request_id")).isEqualTo(missing.header("X-Request-Id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/nothing-here", "/v2", "/v2/repositories/repo_0000000000/settings",
            "/v2/deployments/a/b/c"})
    void anUnknownRouteIsNotFoundInTheV2Envelope(String path) {
        assertV2Error(tenant.admin().get(path), 404, "errors/route-not-found.json");
    }

    @Test
    void aWrongMethodIs405AndKeepsTheAllowHeader() {
        Response refused = tenant.admin().delete("/v2/repositories");

        assertV2Error(refused, 405, "errors/method-not-allowed.json");
        assertThat(refused.header("Allow")).contains("GET").contains("POST");
        assertThat(tenant.admin().put("/v2/deployments/dep_0000000000").header("Allow")).contains("GET");
    }

    @Test
    void aBodyOfAnotherContentTypeIs415() {
        Response refused = tenant.admin().contentType(ContentType.TEXT).body("name=web").post("/v2/repositories");

        assertV2Error(refused, 415, "errors/unsupported-media-type.json");
    }

    @Test
    void aBodyWithoutAnyContentTypeIs415() {
        HttpResponse<String> refused = post("/v2/deployments", Map.of(),
                "{\"repo_id\":\"r\"}".getBytes(StandardCharsets.UTF_8));

        assertV2Error(refused, 415, "errors/unsupported-media-type.json");
    }

    @Test
    void aBodyJustOverTheServersLimitIs413() {
        HttpResponse<String> refused = post("/v2/repositories", Map.of("Content-Type", "application/json"),
                jsonOfSize(MAX_REQUEST_SIZE + 1));

        assertV2Error(refused, 413, "errors/payload-too-large.json");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        HttpResponse<String> created = post("/v2/repositories", Map.of("Content-Type", "application/json"),
                jsonOfSize(MAX_REQUEST_SIZE - 1));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private byte[] jsonOfSize(int size) {
        String head = "{\"name\":\"" + Tenant.uniqueName("big") + "\",\"owner\":\"" + tenant.owner()
                + "\",\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "[]", "\"web\"", "null", "42", "{\"name\":\"web\"} trailing",
            "{\"name\":\"web\"}{}", "{'name':'web'}"})
    void aBodyThatIsNotAJsonObjectIsInvalidJson(String body) {
        assertV2Error(tenant.admin().contentType(ContentType.JSON).body(body).post("/v2/repositories"), 400,
                "errors/invalid-json.json");
        assertV2Error(tenant.admin().contentType(ContentType.JSON).body(body).post("/v2/deployments"), 400,
                "errors/invalid-json.json");
    }

    @Test
    void anEmptyJsonBodyIsInvalidJson() {
        assertV2Error(post("/v2/deployments", Map.of("Content-Type", "application/json"), new byte[0]), 400,
                "errors/invalid-json.json");
    }

    @Test
    void nestingOrNumbersBeyondTheParsersLimitsAreInvalidJson() {
        String deep = "{\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String huge = "{\"name\":\"web\",\"private\":" + "9".repeat(5_000) + "}";

        assertV2Error(tenant.admin().contentType(ContentType.JSON).body(deep).post("/v2/repositories"), 400,
                "errors/invalid-json.json");
        assertV2Error(tenant.admin().contentType(ContentType.JSON).body(huge).post("/v2/repositories"), 400,
                "errors/invalid-json.json");
    }

    @Test
    void garbageNeverGetsAServerError() {
        Random random = new Random(42);
        String[] paths = {"/v2/repositories", "/v2/deployments", "/v2/deployments/dep_0000000000/cancel"};
        for (int i = 0; i < 60; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            HttpResponse<String> answered = post(paths[i % paths.length],
                    Map.of("Content-Type", "application/json"), body);
            assertThat(answered.statusCode()).as(answered.body()).isBetween(400, 499);
            assertThat(answered.body()).contains("\"request_id\"").doesNotContain("Exception", "at dev.");
        }
        for (String query : new String[] {"limit=%00", "cursor=%ff%fe", "visibility=" + "a".repeat(5000),
                "status=,,,", "limit=1e3", "cursor=" + "A".repeat(600)}) {
            Response answered = tenant.admin().urlEncodingEnabled(false).get("/v2/repositories?" + query);
            assertThat(answered.statusCode()).as(query + " " + answered.asString()).isBetween(200, 499);
            Response deployments = tenant.admin().urlEncodingEnabled(false).get("/v2/deployments?" + query);
            assertThat(deployments.statusCode()).as(query + " " + deployments.asString()).isBetween(200, 499);
        }
    }

    @Test
    void aHostilePathCannotShapeTheResponseHeaders() {
        HttpResponse<String> answered = RawHttp.send(api.server(), "GET",
                "/v2/deployments/dep_x%0d%0aX-Injected:%20yes", Map.of("Authorization", "Bearer " + tenant.adminKey()),
                null);

        assertThat(answered.statusCode()).isEqualTo(404);
        assertThat(answered.headers().firstValue("X-Injected")).isEmpty();
    }

    @Test
    void expectedErrorsAreNotLoggedAsFailures() {
        try (LogCapture logs = new LogCapture()) {
            tenant.admin().get("/v2/repositories/repo_0000000000");
            tenant.admin().contentType(ContentType.JSON).body("{").post("/v2/deployments");
            api.anonymous().get("/v2/deployments");

            assertThat(logs.errors()).isEmpty();
        }
    }
}
