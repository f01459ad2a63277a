package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertApiHeaders;
import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.RawHttp;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What holds for every request, whatever route it reaches: health, authentication, unknown routes, body size, request ids. */
class CrossCuttingTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private final Api api = SERVER.api();

    @Test
    void healthAnswersWithoutAKey() {
        Response health = api.anonymous().get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.asString()).contains("UP");
        assertThat(health.header("X-Request-Id")).matches("req_[0-9a-z]{10}");
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anApiRouteWithoutAKeyIs401WithABearerChallenge() {
        Response refused = api.anonymous().get("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertApiHeaders(refused);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertGolden("errors/missing-api-key.json", refused, api);
    }

    @Test
    void aKeyTheServerNeverIssuedIs401() {
        Response refused = api.as("gsk_live_" + "x".repeat(36)).get("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertApiHeaders(refused);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertGolden("errors/invalid-api-key.json", refused, api);
    }

    @Test
    void anUnknownV1RouteIs404InTheV1Envelope() {
        Response unknown = api.admin().get("/v1/no-such-route");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertApiHeaders(unknown);
        assertGolden("errors/route-not-found.json", unknown, api);
    }

    @Test
    void aTwoMebibyteBodyIs413InTheV1Envelope() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"name\":\"too-big\",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';

        HttpResponse<String> refused = RawHttp.send(URI.create("http://127.0.0.1:" + api.port()), "POST",
                "/v1/projects", Map.of("Authorization", "Bearer " + api.bootstrapKey(),
                        "Content-Type", "application/json"), body);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertApiHeaders(refused);
        assertGolden("errors/payload-too-large.json", refused.body(), api, Map.of());
        assertThat(api.admin().get("/v1/projects").asString()).doesNotContain("too-big");
    }

    @Test
    void anUnsafeClientRequestIdIsReplacedByAMintedOne() {
        Response reply = api.admin().header("X-Request-Id", "two words<script>").get("/v1/projects");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertApiHeaders(reply);
        Response tooLong = api.admin().header("X-Request-Id", "a".repeat(65)).contentType(ContentType.JSON)
                .body("{").post("/v1/projects");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertApiHeaders(tooLong);
        assertGolden("errors/invalid-json.json", tooLong, api);
    }

    @Test
    void pathsOfNoApiVersionAnswerInAPlainEnvelopeNeverTheFrameworksBody() {
        Response unknown = api.anonymous().header("X-Request-Id", "req_outside").get("/nothing-here");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).doesNotContain("_links").doesNotContain("_embedded");
        assertThat(unknown.jsonPath().getMap("error")).containsEntry("code", "not_found")
                .containsEntry("request_id", "req_outside");

        Response wrongMethod = api.anonymous().delete("/health");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.jsonPath().getString("error.code")).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertThat(wrongMethod.asString()).doesNotContain("_links");
    }

    @Test
    void theRootNamesTheApiVersionsWithoutAKey() {
        Response index = api.anonymous().get("/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.jsonPath().getString("name")).isEqualTo("dotgit");
        assertThat(index.jsonPath().getList("versions.version")).containsExactly("v1", "v2", "v3");
        assertThat(index.jsonPath().getList("versions.status")).containsExactly("supported", "supported", "current");
        assertThat(index.jsonPath().getString("versions[0].url")).endsWith("/v1").startsWith("http://localhost:");
        assertThat(index.jsonPath().getString("versions[2].url")).endsWith("/v3").startsWith("http://localhost:");
        assertThat(index.header("X-Request-Id")).isNotBlank();
    }
}
