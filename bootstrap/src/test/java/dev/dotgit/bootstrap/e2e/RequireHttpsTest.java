package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.InProcessServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TemporaryDirectory;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server started with {@code dotgit.require-https=true}, behind a TLS-terminating proxy at
 * 127.0.0.1 ({@code dotgit.trusted-proxies}): plain requests are refused with 403
 * {@code https_required} in each version's envelope, requests the proxy marks as HTTPS pass.
 * The test client connects from 127.0.0.1, so it plays the proxy by sending the header.
 */
class RequireHttpsTest {

    private static TemporaryDirectory dataDir;
    private static InProcessServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        dataDir = TemporaryDirectory.create("dotgit-e2e-https-");
        server = InProcessServer.start(ServerSettings.fresh(dataDir.path())
                .with("dotgit.require-https", "true")
                .with("dotgit.trusted-proxies", "127.0.0.1"));
        api = server.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            dataDir.close();
        }
    }

    private static Response plain(String path) {
        return api.admin().get(path);
    }

    private static Response viaTlsProxy(String path) {
        return api.admin().header("X-Forwarded-Proto", "https").get(path);
    }

    @Test
    void plainHttpIsRefusedInEachVersionsEnvelope() {
        Response v1 = plain("/v1/projects");
        Response v2 = plain("/v2/repositories");
        Response v3 = plain("/v3/projects");
        Response index = api.anonymous().get("/");

        for (Response refused : new Response[] {v1, v2, v3, index}) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
            assertThat(refused.<String>path("error.code")).isEqualTo("https_required");
            assertThat(refused.<String>path("error.message")).contains("HTTPS only");
        }
        assertThat(v1.header("Api-Version")).isEqualTo("v1");
        assertThat(v2.<Integer>path("error.status")).isEqualTo(403);
        assertThat(v2.<String>path("error.details.request_id")).isEqualTo(v2.header("X-Request-Id"));
        assertThat(v3.<String>path("error.request_id")).isEqualTo(v3.header("X-Request-Id"));
        assertThat(index.<String>path("error.request_id")).isEqualTo(index.header("X-Request-Id"));
    }

    @Test
    void nothingIsChangedByARefusedRequest() {
        Response refused = api.admin().contentType("application/json").body("{\"name\":\"over-plain-http\"}")
                .post("/v3/projects");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(viaTlsProxy("/v3/projects?limit=100").<List<String>>path("projects.name"))
                .doesNotContain("over-plain-http");
    }

    @Test
    void requestsTheTrustedProxyMarksAsHttpsPass() {
        assertThat(viaTlsProxy("/v1/projects").statusCode()).isEqualTo(200);
        assertThat(viaTlsProxy("/v2/repositories").statusCode()).isEqualTo(200);
        assertThat(viaTlsProxy("/v3/projects").statusCode()).isEqualTo(200);
        assertThat(api.admin().header("X-Forwarded-Proto", "http").get("/v3/projects").statusCode()).isEqualTo(403);
    }

    @Test
    void healthChecksStayReachableOnThePlainPort() {
        assertThat(api.anonymous().get("/health").statusCode()).isEqualTo(200);
    }
}
