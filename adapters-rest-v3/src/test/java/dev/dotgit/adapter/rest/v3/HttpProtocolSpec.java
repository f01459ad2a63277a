package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.LogCapture;
import dev.dotgit.adapter.rest.v3.support.RawHttp;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.domain.apikey.SecretKey;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every v3 answer shares: the envelope for framework errors (unknown route, 405, 413,
 * 415), authentication failures, Api-Version and request ids, and no 5xx on garbage.
 */
abstract class HttpProtocolSpec extends V3Spec {

    HttpProtocolSpec(Supplier<V3Api> server) {
        super(server);
    }

    @Test
    void everyAnswerCarriesApiVersionV3AndItsRequestId() {
        Response ok = tenant.admin().get("/v3/projects");
        assertThat(ok.header("Api-Version")).isEqualTo("v3");
        assertThat(ok.header("X-Request-Id")).startsWith("req_");

        Response kept = tenant.admin().header("X-Request-Id", "client-id-42").get("/v3/projects/proj_doesnotexist");
        assertError(kept, 404, "not_found");
        assertThat(kept.<String>path("error.request_id")).isEqualTo("client-id-42");
    }

    @Test
    void anUnknownRouteUnderV3IsAV3NotFound() {
        for (String path : List.of("/v3/nope", "/v3", "/v3/projects/x/y/z")) {
            Response missing = tenant.admin().get(path);
            assertError(missing, 404, "not_found");
            GoldenJson.assertMatches("errors/route-not-found.json", missing.asString());
        }
    }

    @Test
    void aWrongMethodIsA405WithAllow() {
        Response wrong = tenant.admin().delete("/v3/projects");
        assertError(wrong, 405, "method_not_allowed");
        GoldenJson.assertMatches("errors/method-not-allowed.json", wrong.asString());
        assertThat(wrong.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void anOversizedBodyIsA413() {
        byte[] big = ("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = RawHttp.send(api.server(), "POST", "/v3/projects",
                Map.of("Authorization", "Bearer " + tenant.adminKey(), "Content-Type", "application/json"), big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        GoldenJson.assertMatches("errors/payload-too-large.json", tooLarge.body());
        assertThat(tooLarge.headers().firstValue("Api-Version")).hasValue("v3");
    }

    @Test
    void aBodyThatIsNotJsonIsA415OrInvalidJson() {
        Response plain = tenant.admin().contentType("text/plain").body("name=x").post("/v3/projects");
        assertError(plain, 415, "unsupported_media_type");
        GoldenJson.assertMatches("errors/unsupported-media-type.json", plain.asString());

        for (String garbage : List.of("{\"name\":", "[1,2]", "\"text\"", "{} {}", "nul")) {
            Response bad = tenant.adminJson(garbage).post("/v3/projects");
            assertError(bad, 400, "invalid_json");
            GoldenJson.assertMatches("errors/invalid-json.json", bad.asString());
        }
    }

    @Test
    void authenticationFailuresAre401WithAChallenge() {
        Response missing = api.anonymous().get("/v3/projects");
        assertError(missing, 401, "missing_api_key");
        GoldenJson.assertMatches("errors/missing-api-key.json", missing.asString());
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");

        Response unknown = api.as(SecretKey.generate().reveal()).get("/v3/projects");
        assertError(unknown, 401, "invalid_api_key");
        GoldenJson.assertMatches("errors/invalid-api-key.json", unknown.asString(),
                Map.of("message", "The provided API key is invalid."));
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");

        Response inQuery = api.anonymous().queryParam("api_key", tenant.adminKey()).get("/v3/projects");
        assertError(inQuery, 401, "missing_api_key");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500LoggedOnceWithTheRequestId() {
        api.authentication().failNextWith(new IllegalStateException("boom at jdbc:h2:secret"));
        try (LogCapture logs = new LogCapture()) {
            Response failed = tenant.admin().get("/v3/projects");
            assertError(failed, 500, "internal_error");
            GoldenJson.assertMatches("errors/internal-error.json", failed.asString());
            assertThat(failed.asString()).doesNotContain("boom").doesNotContain("jdbc").doesNotContain("Exception");
            assertThat(logs.errors()).hasSize(1);
            assertThat(logs.errors().get(0).getFormattedMessage()).contains(failed.header("X-Request-Id"));
        }
    }

    @Test
    void garbageNeverCausesA5xx() {
        String projectId = tenant.createProject();
        String deploymentId = tenant.deploy(projectId);
        Random random = new Random(42);
        List<String> posts = List.of("/v3/projects", "/v3/projects/" + projectId + "/deployments",
                "/v3/deployments/" + deploymentId + "/cancel");
        for (int i = 0; i < 60; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            String path = posts.get(i % posts.size());
            HttpResponse<String> answer = RawHttp.send(api.server(), "POST", path,
                    Map.of("Authorization", "Bearer " + tenant.adminKey(), "Content-Type", "application/json"), body);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(200, 499);
            assertThat(answer.headers().firstValue("Api-Version")).hasValue("v3");
        }
        for (String query : List.of("limit=%FF", "cursor=%00%01", "status[]=x", "limit=1&limit=2",
                "cursor=" + "A".repeat(300))) {
            HttpResponse<String> answer = RawHttp.send(api.server(), "GET", "/v3/projects?" + query,
                    Map.of("Authorization", "Bearer " + tenant.adminKey()), null);
            assertThat(answer.statusCode()).as(query + " " + answer.body()).isBetween(200, 499);
        }
    }
}
