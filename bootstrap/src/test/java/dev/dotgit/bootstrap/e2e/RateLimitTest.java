package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-account rate limits (CONTRACT §2.5) as a client sees them, on the embedded database. The
 * accounts here refill one token a minute, so no token arrives while a test runs and every count
 * is exact.
 */
class RateLimitTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static Api api() {
        return SERVER.api();
    }

    /** A new account through the operator surface; its admin key's secret. */
    static String newAccount(Api api, String plan, Integer perMinute, Integer burst) {
        String slug = "rl-" + ServerSettings.randomAlphanumeric(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("plan", plan);
        if (perMinute != null) {
            body.put("rate_limit", Map.of("per_minute", perMinute, "burst", burst));
        }
        Response created = api.operator().contentType(ContentType.JSON).body(Api.json(body)).post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("api_key.secret");
    }

    private static Response patchAccount(String slug, String body) {
        Response patched = api().operator().contentType(ContentType.JSON).body(body).patch("/admin/accounts/" + slug);
        assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
        return patched;
    }

    private static String newAccountSlug(String plan, Integer perMinute, Integer burst, List<String> secretOut) {
        String slug = "rl-" + ServerSettings.randomAlphanumeric(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("plan", plan);
        if (perMinute != null) {
            body.put("rate_limit", Map.of("per_minute", perMinute, "burst", burst));
        }
        Response created = api().operator().contentType(ContentType.JSON).body(Api.json(body)).post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        secretOut.add(created.path("api_key.secret"));
        return slug;
    }

    private static void assertNumbers(Response response, int limit, long remaining) {
        assertThat(response.header("X-RateLimit-Limit")).as(response.statusCode() + " " + response.asString())
                .isEqualTo(Integer.toString(limit));
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
        assertThat(reset).as("unix seconds, when the bucket is full again").isGreaterThanOrEqualTo(
                Instant.now().getEpochSecond() - 1);
    }

    private void exhaustsAfterTheBurst(String path, String version) {
        String key = newAccount(api(), "free", 1, 5);
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response allowed = api().as(key).get(path);
            assertThat(allowed.statusCode()).as(allowed.asString()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("1");
            remaining.add(Long.parseLong(allowed.header("X-RateLimit-Remaining")));
        }

        Response refused = api().as(key).get(path);

        assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(refused.header("Api-Version")).isEqualTo(version);
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("one token a minute").isBetween(1L, 60L);
        assertNumbers(refused, 1, 0);
        assertThat(refused.<String>path("error.code")).isEqualTo("rate_limit_exceeded");
        assertThat(refused.<String>path("error.message")).contains("may make 1 request per minute");
        assertThat(refused.asString()).doesNotContain("Exception").doesNotContain("dev.dotgit");
    }

    @Test
    void v1GrantsTheBurstThenAnswers429InItsEnvelope() {
        exhaustsAfterTheBurst("/v1/projects", "v1");
    }

    @Test
    void v2GrantsTheBurstThenAnswers429InItsEnvelope() {
        exhaustsAfterTheBurst("/v2/repositories", "v2");
        String key = newAccount(api(), "free", 1, 1);
        api().as(key).get("/v2/repositories");
        Response refused = api().as(key).get("/v2/repositories");
        assertThat(refused.<Integer>path("error.status")).isEqualTo(429);
        assertThat(refused.<String>path("error.details.request_id")).startsWith("req_");
    }

    @Test
    void v3GrantsTheBurstThenAnswers429InItsEnvelope() {
        exhaustsAfterTheBurst("/v3/projects", "v3");
        String key = newAccount(api(), "free", 1, 1);
        api().as(key).get("/v3/projects");
        Response refused = api().as(key).get("/v3/projects");
        assertThat(refused.<String>path("error.request_id")).startsWith("req_");
    }

    @Test
    void errorsCarryTheNumbersToo() {
        String key = newAccount(api(), "free", 1, 10);

        Response missing = api().as(key).get("/v1/deployments/dep_0000000000");
        Response invalid = api().as(key).queryParam("per_page", 500).get("/v1/projects");
        Response unknownRoute = api().as(key).get("/v3/nothing-here");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertNumbers(missing, 1, 9);
        assertThat(invalid.statusCode()).as(invalid.asString()).isEqualTo(422);
        assertNumbers(invalid, 1, 8);
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertNumbers(unknownRoute, 1, 7);
    }

    @Test
    void raisingTheLimitLiftsItAtOnceAndClearingItFallsBackToThePlan() {
        List<String> secret = new ArrayList<>();
        String slug = newAccountSlug("free", 1, 2, secret);
        String key = secret.get(0);
        api().as(key).get("/v3/projects");
        api().as(key).get("/v3/projects");
        assertThat(api().as(key).get("/v3/projects").statusCode()).isEqualTo(429);

        patchAccount(slug, "{\"rate_limit\":{\"per_minute\":600,\"burst\":50}}");
        Response lifted = api().as(key).get("/v3/projects");

        assertThat(lifted.statusCode()).as(lifted.asString()).isEqualTo(200);
        // the larger burst adds its 48 tokens to the empty bucket at once; this request took one
        assertNumbers(lifted, 600, 47);

        patchAccount(slug, "{\"plan\":\"enterprise\",\"rate_limit\":null}");
        Response planned = api().as(key).get("/v3/projects");
        assertThat(planned.statusCode()).isEqualTo(200);
        assertThat(planned.header("X-RateLimit-Limit")).as("the enterprise plan's numbers").isEqualTo("6000");
    }

    @Test
    void aPlanChangeWithoutCustomNumbersUsesThePlansDefaults() {
        List<String> secret = new ArrayList<>();
        String slug = newAccountSlug("free", null, null, secret);
        Response free = api().as(secret.get(0)).get("/v1/projects");
        assertNumbers(free, 60, 9);

        patchAccount(slug, "{\"plan\":\"starter\"}");
        Response starter = api().as(secret.get(0)).get("/v1/projects");

        // starter's burst is 20: the 10 more tokens join the 9 left; this request took one
        assertNumbers(starter, 100, 18);
    }

    @Test
    void accountsHaveIndependentBudgets() {
        String one = newAccount(api(), "free", 1, 1);
        String other = newAccount(api(), "free", 1, 1);

        assertThat(api().as(one).get("/v1/projects").statusCode()).isEqualTo(200);
        assertThat(api().as(one).get("/v1/projects").statusCode()).isEqualTo(429);
        Response otherFirst = api().as(other).get("/v1/projects");
        assertThat(otherFirst.statusCode()).isEqualTo(200);
        assertNumbers(otherFirst, 1, 0);
    }

    @Test
    void requestsThatDoNotAuthenticateCarryNoNumbers() {
        Response noKey = api().anonymous().get("/v1/projects");
        Response badKey = api().as("gsk_live_000000000000000000000000000000000000").get("/v2/repositories");

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.header("X-RateLimit-Limit")).isNull();
        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(badKey.header("X-RateLimit-Remaining")).isNull();
    }

    @Test
    void healthTheIndexAndTheOperatorSurfaceAreNotLimited() {
        String key = newAccount(api(), "free", 1, 1);
        api().as(key).get("/v1/projects");

        Response health = api().as(key).get("/health");
        Response index = api().as(key).get("/");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.header("X-RateLimit-Limit")).isNull();
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.header("X-RateLimit-Limit")).isNull();
        assertThat(api().operator().get("/admin/accounts/nobody").header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void aLimitedRequestDoesNotClaimItsIdempotencyKey() {
        List<String> secret = new ArrayList<>();
        String slug = newAccountSlug("free", 1, 1, secret);
        String key = secret.get(0);
        api().as(key).get("/v3/projects");
        String body = "{\"name\":\"limited-" + ServerSettings.randomAlphanumeric(6) + "\"}";

        Response limited = api().as(key).contentType(ContentType.JSON).header("Idempotency-Key", "retry-me")
                .body(body).post("/v3/projects");
        patchAccount(slug, "{\"rate_limit\":{\"per_minute\":60,\"burst\":5}}");
        Response retried = api().as(key).contentType(ContentType.JSON).header("Idempotency-Key", "retry-me")
                .body(body).post("/v3/projects");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }
}
