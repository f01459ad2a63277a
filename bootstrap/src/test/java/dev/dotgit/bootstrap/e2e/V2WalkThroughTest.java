package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.adapter.rest.v2.support.LogSocket;
import dev.dotgit.adapter.rest.v2.support.RawUpgrade;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.testing.golden.GoldenFixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v2 walk-through on the assembled server (every real adapter, H2): create a repository,
 * deploy it with the SDK's body (seed 003), follow its log over the WebSocket to the end frame
 * with status {@code live}, and read it back. Replies are checked against v2's golden fixtures
 * and for the headers every API response carries.
 */
class V2WalkThroughTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final JsonMapper JSON = JsonMapper.createDefault();
    /** v2's fixtures are written for the default {@code localhost:8080}; a test server has its own port. */
    private static final String FIXTURE_HOST = "localhost:8080";

    private static void assertGolden(String fixture, String body, Api api, Map<String, String> variables) {
        String expected = GoldenJson.fixture(fixture).replace(FIXTURE_HOST, api.hostingDomain());
        GoldenFixtures.assertMatchesJson(expected, body, variables, fixture + " (on " + api.hostingDomain() + ")");
    }

    private static void assertV2Headers(Response response) {
        assertThat(response.header("Api-Version")).isEqualTo("v2");
        assertThat(response.header("X-Request-Id")).matches("req_[0-9a-z]{10}");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    private static JsonNode parse(String frame) {
        try {
            return JSON.readValue(frame, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void createARepositoryDeployItWithTheSdkBodyAndFollowItsLogToLive() {
        Api api = SERVER.api();
        String name = "v2walk-" + ServerSettings.randomAlphanumeric(8).toLowerCase();
        Map<String, String> names = Map.of("name", name, "owner", "default");

        // 1. A repository in v2.
        Response created = api.admin().contentType(ContentType.JSON)
                .body(GoldenJson.request("repositories/create.request.json", names)).post("/v2/repositories");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertV2Headers(created);
        assertGolden("repositories/create.response.json", created.asString(), api, names);
        String repoId = created.path("id");

        // 2. A deployment with the SDK's body: project by name, env as env vars.
        Response deployed = api.admin().contentType(ContentType.JSON)
                .body(GoldenJson.request("deployments/create-003.request.json", Map.of("project", name)))
                .post("/v2/deployments");
        assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
        assertV2Headers(deployed);
        assertGolden("deployments/create.response.json", deployed.asString(), api, Map.of());
        String id = deployed.path("id");
        assertThat(deployed.<String>path("url")).isEqualTo("http://" + id + "." + api.hostingDomain());

        // 3. Its log over the WebSocket, from the first line to the end frame.
        URI server = URI.create("http://127.0.0.1:" + api.port());
        List<String> frames;
        int closeCode;
        try (LogSocket socket = LogSocket.open(server, "/v2/deployments/" + id + "/logs", api.bootstrapKey())) {
            frames = socket.untilClosed(Api.DEPLOYMENT_TIMEOUT.toSeconds());
            closeCode = socket.closeCode(1);
        }
        assertThat(closeCode).isEqualTo(1000);
        assertThat(frames).hasSizeGreaterThan(2);
        List<JsonNode> lines = frames.subList(0, frames.size() - 1).stream().map(V2WalkThroughTest::parse).toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("seq").getLongValue()).isEqualTo(i + 1);
        }
        assertThat(lines.get(0).get("msg").getStringValue()).startsWith("Deployment queued: main@");
        assertGolden("deployments/log-end.frame.json", frames.get(frames.size() - 1), api, Map.of("status", "live"));
        assertThat(String.join("\n", frames)).doesNotContain("s3cr3t-env-value");

        // 4. Read back: live, full progress, env var values never shown.
        Response fetched = api.admin().get("/v2/deployments/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertV2Headers(fetched);
        assertThat(fetched.<String>path("status")).isEqualTo("live");
        assertThat(fetched.<Integer>path("progress")).isEqualTo(100);
        assertThat(fetched.<String>path("repo_id")).isEqualTo(repoId);
        assertThat(fetched.<String>path("env")).isEqualTo("preview");
        assertThat(fetched.<Integer>path("duration_ms")).isNotNull();
        assertThat(fetched.asString()).doesNotContain("s3cr3t-env-value", "NODE_ENV");

        // 5. It is the preview of main, and the site answers at its url.
        Response previews = api.admin().get("/v2/repositories/" + repoId + "/previews");
        assertThat(previews.statusCode()).isEqualTo(200);
        assertThat(previews.<List<String>>path("data.deployment_id")).containsExactly(id);
        assertThat(api.siteAt(fetched.path("url")).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void errorsCarryTheRequestIdOfTheResponseAndRefuseUpgradesBeforeTheyHappen() {
        Api api = SERVER.api();

        Response missing = api.admin().header("X-Request-Id", "v2-walk:1").get("/v2/deployments/dep_0000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.header("X-Request-Id")).isEqualTo("v2-walk:1");
        assertThat(missing.<String>path("error.details.request_id")).isEqualTo("v2-walk:1");
        assertThat(missing.header("Api-Version")).isEqualTo("v2");

        Response unknownRoute = api.admin().get("/v2/nothing-here");
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(unknownRoute.<String>path("error.details.request_id")).isEqualTo(unknownRoute.header("X-Request-Id"));
        assertThat(unknownRoute.<Integer>path("error.status")).isEqualTo(404);

        URI server = URI.create("http://127.0.0.1:" + api.port());
        RawUpgrade.Reply refused = RawUpgrade.send(server, "/v2/deployments/dep_0000000000/logs", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refused.header("Api-Version")).isEqualTo("v2");
        assertThat(refused.body()).contains("\"missing_api_key\"", refused.header("X-Request-Id"));
    }
}
