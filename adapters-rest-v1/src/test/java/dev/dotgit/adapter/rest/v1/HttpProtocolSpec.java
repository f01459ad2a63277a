package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.RawHttp;
import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the framework answers by itself under {@code /v1} (unknown route, wrong method,
 * wrong content type, oversized or unreadable body) still comes in v1's envelope, never as
 * Micronaut's default error body; and every v1 response says which version answered.
 */
abstract class HttpProtocolSpec extends V1Spec {

    private static final int MAX_REQUEST_SIZE = 1_048_576;

    HttpProtocolSpec(Supplier<V1Api> server) {
        super(server);
    }

    private static void assertV1Error(Response response, int status, String fixture) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Api-Version")).isEqualTo("v1");
        assertThat(response.asString()).doesNotContain("_links", "_embedded");
        assertMatches(fixture, response.asString());
    }

    private HttpResponse<String> postProjects(Map<String, String> headers, byte[] body) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put("Authorization", "Bearer " + tenant.adminKey());
        return RawHttp.send(api.server(), "POST", "/v1/projects", withKey, body);
    }

    @Test
    void successfulResponsesCarryTheApiVersion() {
        Response listed = tenant.admin().get("/v1/projects");

        assertThat(listed.header("Api-Version")).isEqualTo("v1");
        assertThat(listed.header("Deprecation")).isNull();
        assertThat(listed.header("Sunset")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/nothing-here", "/v1", "/v1/projects/proj_0000000000/settings",
            "/v1/deployments/a/b/c"})
    void anUnknownRouteIsNotFoundInTheV1Envelope(String path) {
        assertV1Error(tenant.admin().get(path), 404, "errors/route-not-found.json");
    }

    @Test
    void aWrongMethodIs405AndKeepsTheAllowHeader() {
        Response refused = tenant.admin().delete("/v1/projects");

        assertV1Error(refused, 405, "errors/method-not-allowed.json");
        assertThat(refused.header("Allow")).contains("GET").contains("POST");
        assertThat(tenant.admin().put("/v1/deployments/dep_0000000000").header("Allow"))
                .contains("GET").contains("DELETE");
    }

    @Test
    void aBodyOfAnotherContentTypeIs415() {
        Response refused = tenant.admin().contentType(ContentType.TEXT).body("name=web").post("/v1/projects");

        assertV1Error(refused, 415, "errors/unsupported-media-type.json");
    }

    @Test
    void aBodyWithoutAnyContentTypeIs415() {
        HttpResponse<String> refused = postProjects(Map.of(), "{\"name\":\"web\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Api-Version")).hasValue("v1");
        assertMatches("errors/unsupported-media-type.json", refused.body());
    }

    @Test
    void aBodyJustOverTheServersLimitIs413() {
        byte[] body = jsonOfSize(MAX_REQUEST_SIZE + 1);

        HttpResponse<String> refused = postProjects(Map.of("Content-Type", "application/json"), body);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Api-Version")).hasValue("v1");
        assertMatches("errors/payload-too-large.json", refused.body());
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        byte[] body = jsonOfSize(MAX_REQUEST_SIZE - 1);

        HttpResponse<String> created = postProjects(Map.of("Content-Type", "application/json"), body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A valid project body padded with a field v1 ignores, exactly {@code size} bytes long. */
    private static byte[] jsonOfSize(int size) {
        String head = "{\"name\":\"" + Tenant.uniqueName("big") + "\",\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "[]", "\"web\"", "null", "42", "{\"name\":\"web\"} trailing",
            "{\"name\":\"web\"}{}", "{'name':'web'}"})
    void aBodyThatIsNotAJsonObjectIsInvalidJson(String body) {
        Response refused = tenant.admin().contentType(ContentType.JSON).body(body).post("/v1/projects");

        assertV1Error(refused, 400, "errors/invalid-json.json");
    }

    @Test
    void anEmptyJsonBodyIsInvalidJson() {
        HttpResponse<String> refused = postProjects(Map.of("Content-Type", "application/json"), new byte[0]);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-json.json", refused.body());
    }

    @Test
    void nestingBeyondTheParsersLimitIsInvalidJsonNotAServerError() {
        String deep = "{\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        Response refused = tenant.admin().contentType(ContentType.JSON).body(deep).post("/v1/projects");

        assertV1Error(refused, 400, "errors/invalid-json.json");
    }

    @Test
    void aNumberBeyondTheParsersLimitIsInvalidJsonNotAServerError() {
        String huge = "{\"name\":\"web\",\"framework\":" + "9".repeat(5_000) + "}";

        Response refused = tenant.admin().contentType(ContentType.JSON).body(huge).post("/v1/projects");

        assertV1Error(refused, 400, "errors/invalid-json.json");
    }

    @Test
    void aHostilePathCannotShapeTheResponseHeaders() {
        HttpResponse<String> answered = RawHttp.send(api.server(), "GET",
                "/v1/deployments/dep_x%0d%0aX-Injected:%20yes", Map.of("Authorization", "Bearer " + tenant.adminKey()),
                null);

        assertThat(answered.statusCode()).isEqualTo(404);
        assertThat(answered.headers().firstValue("X-Injected")).isEmpty();
        assertThat(answered.body()).doesNotContain("\r\n");
    }
}
