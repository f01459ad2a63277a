package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.InProcessServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TemporaryDirectory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a server of its own, with tokens that live one second and an address blocked after three
 * failed authentications: an expired token is refused saying so, on every version; and client
 * secrets refused by the token endpoint count as failed authentications although they travel in
 * the form, not in a header.
 */
class ServiceAccountTokenLimitsTest {

    private TemporaryDirectory dataDir;
    private InProcessServer server;
    private Api api;

    @BeforeEach
    void start() {
        dataDir = TemporaryDirectory.create("dotgit-e2e-oauth-");
        server = InProcessServer.start(ServerSettings.fresh(dataDir.path())
                .with("dotgit.oauth.token-ttl", "1s")
                .with("dotgit.auth.failed-attempts-limit", "3")
                .with("dotgit.auth.failed-attempts-block", "60s"));
        api = server.api();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dataDir.close();
    }

    private Response serviceAccount() {
        Response created = api.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"ci\",\"scopes\":[\"deploy:read\"]}").post("/v2/service-accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    private Response token(String clientId, String secret) {
        return api.anonymous().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret)
                .post("/v2/oauth/token");
    }

    @Test
    void anExpiredTokenIsRefusedOnEveryVersionSayingItExpired() {
        Response serviceAccount = serviceAccount();
        Response issued = token(serviceAccount.path("client_id"), serviceAccount.path("client_secret"));
        assertThat(issued.<Integer>path("expires_in")).isEqualTo(1);
        String token = issued.path("access_token");

        // No assertion on how soon: wait until the server itself says the token has expired.
        AtomicReference<Response> refused = new AtomicReference<>();
        await("the token to expire").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Response answer = api.as(token).get("/v2/repositories");
                    refused.set(answer);
                    return answer.statusCode() != 200;
                });

        Response v1 = api.as(token).get("/v1/projects");
        Response v3 = api.as(token).get("/v3/projects");
        for (Response expired : new Response[] {refused.get(), v1, v3}) {
            assertThat(expired.statusCode()).as(expired.asString()).isEqualTo(401);
            assertThat(expired.<String>path("error.code")).isEqualTo("invalid_api_key");
            assertThat(expired.<String>path("error.message")).contains("access token has expired");
            assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void clientSecretsRefusedInTheFormCountAsFailedAuthentication() {
        Response serviceAccount = serviceAccount();
        String clientId = serviceAccount.path("client_id");

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(token(clientId, "gcs_live_guess" + attempt).statusCode()).isEqualTo(401);
        }
        Response blocked = token(clientId, serviceAccount.path("client_secret"));
        Response blockedApi = api.admin().get("/v2/repositories");

        assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(429);
        assertThat(blockedApi.statusCode()).isEqualTo(429);
        assertThat(blockedApi.<String>path("error.code")).isEqualTo("rate_limit_exceeded");
    }
}
