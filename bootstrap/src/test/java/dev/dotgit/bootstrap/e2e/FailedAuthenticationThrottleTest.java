package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.InProcessServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TemporaryDirectory;
import dev.dotgit.domain.apikey.SecretKey;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §2.1 on a server of its own (the shared one lets tests fail authentication freely):
 * after 20 failed authentications within a minute, the address gets 429 whatever key it sends,
 * in every version's envelope, until the block ends (shortened to two seconds here).
 */
class FailedAuthenticationThrottleTest {

    private TemporaryDirectory dataDir;
    private InProcessServer server;
    private Api api;

    @BeforeEach
    void start() {
        dataDir = TemporaryDirectory.create("dotgit-e2e-throttle-");
        server = InProcessServer.start(ServerSettings.fresh(dataDir.path())
                .with("dotgit.auth.failed-attempts-limit", "20")
                .with("dotgit.auth.failed-attempts-block", "2s"));
        api = server.api();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dataDir.close();
    }

    @Test
    void twentyFailuresBlockTheAddressWhateverKeyItSendsNextUntilTheBlockEnds() {
        for (int i = 1; i <= 19; i++) {
            assertThat(api.as(SecretKey.generate().reveal()).get("/v1/projects").statusCode()).isEqualTo(401);
        }
        for (int i = 1; i <= 5; i++) {
            assertThat(api.anonymous().get("/v2/repositories").statusCode()).as("no key sent: not an attempt")
                    .isEqualTo(401);
        }
        assertThat(api.admin().get("/v1/projects").statusCode()).as("19 failures do not block").isEqualTo(200);
        assertThat(api.as("gsk_live_wrong").get("/v3/projects").statusCode()).as("the 20th failure").isEqualTo(401);

        Response v1 = api.admin().get("/v1/projects");
        Response v2 = api.admin().get("/v2/repositories");
        Response v3 = api.admin().get("/v3/projects");
        Response operator = api.operator().contentType("application/json").body("{}").post("/admin/accounts");
        for (Response blocked : new Response[] {v1, v2, v3, operator}) {
            assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(429);
            assertThat(blocked.<String>path("error.code")).isEqualTo("rate_limit_exceeded");
            assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 2);
        }
        assertThat(v2.<Integer>path("error.status")).isEqualTo(429);
        assertThat(v2.<String>path("error.details.request_id")).isEqualTo(v2.header("X-Request-Id"));
        assertThat(v3.<String>path("error.request_id")).isEqualTo(v3.header("X-Request-Id"));
        assertThat(api.anonymous().get("/health").statusCode()).as("probes are never throttled").isEqualTo(200);

        await("the block to end").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.admin().get("/v1/projects").statusCode() == 200);
    }
}
