package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hundreds of generated bad requests against every route of every version: none may answer
 * 5xx, and every refusal must come in the envelope of the version the path belongs to
 * (CONTRACT §2.7). The generator is seeded, so a failure names a request that can be replayed.
 */
class HostileInputTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private final Api api = SERVER.api();
    private final String key = api.bootstrapKey();

    private record Route(String method, String path) {
    }

    private record Attempt(Route route, String description, String contentType, byte[] body) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/projects"), new Route("POST", "/v1/projects"),
            new Route("GET", "/v1/projects/{project}"), new Route("POST", "/v1/projects/{project}/deployments"),
            new Route("GET", "/v1/deployments"), new Route("POST", "/v1/deployments"),
            new Route("GET", "/v1/deployments/{deployment}"), new Route("DELETE", "/v1/deployments/{id}"),
            new Route("POST", "/v1/deployments/{deployment}/cancel"),
            new Route("GET", "/v1/deployments/{deployment}/logs"),
            new Route("GET", "/v2/repositories"), new Route("POST", "/v2/repositories"),
            new Route("GET", "/v2/repositories/{repository}"), new Route("GET", "/v2/repositories/{repository}/previews"),
            new Route("GET", "/v2/deployments"), new Route("POST", "/v2/deployments"),
            new Route("GET", "/v2/deployments/{deployment}"), new Route("POST", "/v2/deployments/{deployment}/cancel"),
            new Route("GET", "/v2/webhooks"), new Route("POST", "/v2/webhooks"),
            new Route("GET", "/v2/webhooks/{id}/deliveries"),
            new Route("GET", "/v2/service-accounts"), new Route("POST", "/v2/service-accounts"),
            new Route("DELETE", "/v2/service-accounts/{id}"),
            new Route("GET", "/v3/projects"), new Route("POST", "/v3/projects"),
            new Route("GET", "/v3/projects/{project}"), new Route("POST", "/v3/projects/{id}/archive"),
            new Route("GET", "/v3/projects/{project}/deployments"),
            new Route("POST", "/v3/projects/{project}/deployments"),
            new Route("GET", "/v3/deployments/{deployment}"), new Route("POST", "/v3/deployments/{deployment}/cancel"),
            new Route("DELETE", "/v3/deployments/{id}"), new Route("GET", "/v3/deployments/{deployment}/logs"),
            new Route("GET", "/v3/api-keys"), new Route("POST", "/v3/api-keys"),
            new Route("GET", "/v3/webhooks"), new Route("POST", "/v3/webhooks"));

    /** Bodies no route should accept: broken, deep, huge, typed wrongly, or not JSON at all. */
    private static List<Map.Entry<String, byte[]>> hostileBodies(Random random) {
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        bodies.add(Map.entry("malformed", "{\"name\":".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("trailing garbage", "{\"name\":\"x\"} trailing".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("deeply nested", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("deeply nested object", ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                .getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("NUL bytes", "{\"name\":\"a\u0000b\",\"branch\":\"ma\u0000in\",\"url\":\"http://x\u0000/\"}"
                .getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("huge numbers", ("{\"name\":1e400,\"limit\":99999999999999999999999,\"private\":1e999,"
                + "\"scopes\":-0.0,\"env\":123456789012345678901234567890}").getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("wrong types", ("{\"name\":[1,2],\"branch\":{\"a\":1},\"environment\":true,"
                + "\"project_id\":7,\"repo_id\":[],\"env\":[1],\"env_vars\":\"x\",\"events\":{},\"url\":5,"
                + "\"scopes\":\"deploy:admin\",\"owner\":false,\"auto_rollback\":\"yes\"}").getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("not an object", "[\"main\"]".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("null", "null".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("very long strings", ("{\"name\":\"" + "n".repeat(200_000) + "\",\"branch\":\""
                + "b".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("invalid UTF-8", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        byte[] noise = new byte[512];
        random.nextBytes(noise);
        bodies.add(Map.entry("random bytes", noise));
        StringBuilder unicode = new StringBuilder("{\"name\":\"");
        for (int i = 0; i < 64; i++) {
            unicode.appendCodePoint(0x1F300 + random.nextInt(0x200));
        }
        bodies.add(Map.entry("emoji name", unicode.append("\"}").toString().getBytes(StandardCharsets.UTF_8)));
        return bodies;
    }

    private static final List<String> HOSTILE_IDS = List.of("%00", "..%2F..%2Fetc%2Fpasswd", "dep_" + "z".repeat(300),
            "proj_%E2%80%AE", "%F0%9F%92%A9", "null", "-1", "repo_0123456789%20OR%201=1");

    private static final List<String> HOSTILE_QUERIES = List.of("limit=-1", "limit=1e10", "limit=99999999999999999999",
            "offset=-5", "page=0", "per_page=abc", "cursor=%00%00", "cursor=" + "A".repeat(5000), "status=%00",
            "visibility=everyone", "environment=prod", "after=-3", "status=running&status=live&status=x");

    @Test
    void noGeneratedBadRequestGetsA5xxAndEveryRefusalIsInItsVersionsEnvelope() {
        Random random = new Random(20261122L);
        List<Attempt> attempts = new ArrayList<>();
        for (Route route : ROUTES) {
            if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
                for (Map.Entry<String, byte[]> body : hostileBodies(random)) {
                    attempts.add(new Attempt(route, body.getKey(), "application/json", body.getValue()));
                }
                attempts.add(new Attempt(route, "form body", "application/x-www-form-urlencoded",
                        "name=x&branch=main".getBytes(StandardCharsets.UTF_8)));
                attempts.add(new Attempt(route, "xml body", "application/xml",
                        "<project><name>x</name></project>".getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Attempt attempt : attempts) {
            String path = attempt.route().path().replaceAll("\\{[a-z]+}", "proj_0123456789");
            RequestSpecification request = request().contentType(attempt.contentType());
            // rest-assured encodes form bodies itself and accepts them only as text
            request = attempt.contentType().startsWith("application/x-www-form-urlencoded")
                    ? request.body(new String(attempt.body(), StandardCharsets.UTF_8))
                    : request.body(attempt.body());
            Response response = request.request(attempt.route().method(), path);
            sent++;
            check(attempt.route().method() + " " + path + " with " + attempt.description(), path, response, failures);
        }
        for (Route route : ROUTES) {
            if (route.path().contains("{")) {
                for (String id : HOSTILE_IDS) {
                    String path = route.path().replaceAll("\\{[a-z]+}", id);
                    Response response = request().contentType(ContentType.JSON).body("{}").urlEncodingEnabled(false)
                            .request(route.method(), path);
                    sent++;
                    check(route.method() + " " + path, path, response, failures);
                }
            }
            if (route.method().equals("GET")) {
                for (String query : HOSTILE_QUERIES) {
                    String path = route.path().replaceAll("\\{[a-z]+}", "proj_0123456789") + "?" + query;
                    Response response = request().urlEncodingEnabled(false).get(path);
                    sent++;
                    check("GET " + path, path, response, failures);
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(300);
        assertThat(failures).as("requests answered with a 5xx or outside their version's envelope").isEmpty();
    }

    /**
     * The OAuth token endpoint answers in RFC 6749 §5.2's shape, not v2's envelope, because OAuth
     * client libraries parse it: every bad token request gets a 4xx {@code {error,
     * error_description}} with {@code Cache-Control: no-store}, never a 5xx. Unauthenticated, so
     * each refusal of client credentials counts towards the address's failed-authentication
     * throttle; the e2e server's limit is high enough for these.
     */
    @Test
    void badTokenRequestsGetOAuthErrorsNeverA5xx() {
        Random random = new Random(20261122L);
        List<Map.Entry<String, String>> attempts = new ArrayList<>();
        hostileBodies(random).forEach(body -> attempts.add(
                Map.entry("application/x-www-form-urlencoded", new String(body.getValue(), StandardCharsets.UTF_8))));
        for (String form : List.of("", "grant_type=", "grant_type=client_credentials",
                "grant_type=password&username=a&password=b", "grant_type=client_credentials&client_id=%00&client_secret=x",
                "grant_type=client_credentials&client_id=client_x&client_secret=" + "s".repeat(100_000),
                "grant_type=client_credentials&client_id=a&client_id=b&client_secret=c", "%%%=&&==",
                "grant_type=client_credentials&client_id=client_0123456789&client_secret=gcs_live_x&scope=deploy:root",
                "grant_type=client_credentials&scope=" + "deploy:read ".repeat(10_000))) {
            attempts.add(Map.entry("application/x-www-form-urlencoded", form));
        }
        attempts.add(Map.entry("application/json", "{\"grant_type\":\"client_credentials\"}"));
        attempts.add(Map.entry("text/plain", "grant_type=client_credentials"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> attempt : attempts) {
            Response response = api.anonymous().contentType(attempt.getKey()).body(attempt.getValue())
                    .post("/v2/oauth/token");
            String description = attempt.getKey() + " " + abbreviate(attempt.getValue());
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(description + " -> " + response.statusCode() + " " + abbreviate(response.asString()));
                continue;
            }
            JsonPath json;
            try {
                json = JsonPath.from(response.asString());
            } catch (RuntimeException notJson) {
                failures.add(description + " -> not JSON: " + abbreviate(response.asString()));
                continue;
            }
            if (!(json.get("error") instanceof String) || json.getString("error_description") == null
                    || !"no-store".equals(response.header("Cache-Control"))) {
                failures.add(description + " -> " + response.statusCode() + " not an RFC 6749 error: "
                        + abbreviate(response.asString()));
            }
        }
        assertThat(attempts).hasSizeGreaterThan(20);
        assertThat(failures).as("token requests answered with a 5xx or outside RFC 6749's error shape").isEmpty();
    }

    private RequestSpecification request() {
        return api.as(key).header("X-Request-Id", "req_hostile" + ServerSettings.randomAlphanumeric(6).toLowerCase());
    }

    private static void check(String description, String path, Response response, List<String> failures) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(description + " -> " + status + " " + abbreviate(response.asString()));
            return;
        }
        if (status < 400) {
            return;
        }
        String problem = envelopeProblem(path, status, response);
        if (problem != null) {
            failures.add(description + " -> " + status + ": " + problem + " in " + abbreviate(response.asString()));
        }
    }

    /** What is wrong with the error body for the version the path belongs to, or null. */
    private static String envelopeProblem(String path, int status, Response response) {
        JsonPath json;
        try {
            json = JsonPath.from(response.asString());
        } catch (RuntimeException notJson) {
            return "not JSON";
        }
        if (json.get("error.code") == null || json.getString("error.message") == null) {
            return "no error.code and error.message";
        }
        String requestId = response.header("X-Request-Id");
        if (path.startsWith("/v2/")) {
            if (json.getInt("error.status") != status) {
                return "error.status is not " + status;
            }
            if (!requestId.equals(json.getString("error.details.request_id"))) {
                return "error.details.request_id is not the X-Request-Id";
            }
        } else if (path.startsWith("/v3/")) {
            if (!requestId.equals(json.getString("error.request_id"))) {
                return "error.request_id is not the X-Request-Id";
            }
        } else if (!(json.get("error.code") instanceof String) && !Integer.valueOf(422).equals(json.get("error.code"))) {
            return "v1 error.code is neither a string nor 422";
        }
        String apiVersion = response.header("Api-Version");
        if (apiVersion == null || !path.startsWith("/" + apiVersion + "/")) {
            return "Api-Version is " + apiVersion;
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
