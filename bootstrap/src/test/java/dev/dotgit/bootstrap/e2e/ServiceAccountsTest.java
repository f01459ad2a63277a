package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service accounts on the assembled server (CONTRACT §4, §2.1, §2.2): created through v2 with the
 * bootstrap key, their client credentials traded for tokens at {@code /v2/oauth/token} (form and
 * HTTP Basic), and the tokens used as bearer keys on v1, v2, v3 and git over HTTP, with the service
 * account's scopes, project restriction and identity; then refused once it is deleted.
 */
class ServiceAccountsTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final String FORM = "application/x-www-form-urlencoded";

    private Api api;
    private String allowedProject;
    private String allowedProjectName;
    private String otherProject;

    @BeforeEach
    void projects() {
        api = SERVER.api();
        allowedProjectName = "sa-slow-" + ServerSettings.randomAlphanumeric(8);
        // A build that runs until cancelled, so a cancel by the token meets an active deployment.
        allowedProject = api.createProject(api.bootstrapKey(), allowedProjectName, "sleep 300", ".").path("id");
        otherProject = api.createProject(api.bootstrapKey(), "sa-other-" + ServerSettings.randomAlphanumeric(8),
                null, null).path("id");
    }

    private Response createServiceAccount(RequestSpecification as, String scopesJson, String projectId) {
        return as.contentType(ContentType.JSON)
                .body("{\"name\":\"ci\",\"scopes\":" + scopesJson + ",\"project_ids\":[\"" + projectId + "\"]}")
                .post("/v2/service-accounts");
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private Response tokenWithForm(String clientId, String secret, String... more) {
        String[] pairs = new String[6 + more.length];
        System.arraycopy(new String[] {"grant_type", "client_credentials", "client_id", clientId, "client_secret",
                secret}, 0, pairs, 0, 6);
        System.arraycopy(more, 0, pairs, 6, more.length);
        return api.anonymous().contentType(FORM).body(form(pairs)).post("/v2/oauth/token");
    }

    private Response tokenWithBasic(String clientId, String secret, String body) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return api.anonymous()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .contentType(FORM).body(body).post("/v2/oauth/token");
    }

    @Test
    void aServiceAccountsTokenWorksOnEveryVersionWithItsScopesProjectsAndIdentity() {
        Response serviceAccount = createServiceAccount(api.admin(), "[\"deploy:write\"]", allowedProject);
        assertThat(serviceAccount.statusCode()).as(serviceAccount.asString()).isEqualTo(201);
        String serviceAccountId = serviceAccount.path("id");
        String clientId = serviceAccount.path("client_id");
        String secret = serviceAccount.path("client_secret");

        Response issued = tokenWithForm(clientId, secret);
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
        assertThat(issued.<String>path("token_type")).isEqualTo("Bearer");
        assertThat(issued.<Integer>path("expires_in")).isEqualTo(3600);
        assertThat(issued.<String>path("scope")).isEqualTo("deploy:write");
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        String token = issued.path("access_token");

        // v1: the project restriction hides the other project from lists and lookups.
        Response v1Projects = api.as(token).get("/v1/projects?per_page=100");
        assertThat(v1Projects.statusCode()).as(v1Projects.asString()).isEqualTo(200);
        assertThat(v1Projects.<List<String>>path("data.id")).containsExactly(allowedProject);
        assertThat(api.as(token).get("/v1/projects/" + otherProject).statusCode()).isEqualTo(404);

        // v3: deploy the allowed project with the token; the other one is invisible.
        Response deployed = api.as(token).contentType(ContentType.JSON).body("{}")
                .post("/v3/projects/" + allowedProject + "/deployments");
        assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
        assertThat(api.as(token).contentType(ContentType.JSON).body("{}")
                .post("/v3/projects/" + otherProject + "/deployments").statusCode()).isEqualTo(404);
        String deployment = deployed.path("id");

        // v2: read it; v1: cancel it, and the audit field names the service account.
        Response v2Deployment = api.as(token).get("/v2/deployments/" + deployment);
        assertThat(v2Deployment.statusCode()).as(v2Deployment.asString()).isEqualTo(200);
        assertThat(v2Deployment.<String>path("project_id")).isEqualTo(allowedProject);
        Response cancelled = api.as(token).post("/v1/deployments/" + deployment + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.<String>path("cancelled_by")).isEqualTo(serviceAccountId);

        // git over HTTP: the token as the password, as for an API key.
        Response refs = api.anonymous().auth().preemptive().basic("x", token).queryParam("service", "git-upload-pack")
                .get("/default/" + allowedProjectName + ".git/info/refs");
        assertThat(refs.statusCode()).as(refs.asString()).isEqualTo(200);

        // Deleting the service account stops its token and its credentials (this node forgets it at once).
        assertThat(api.admin().delete("/v2/service-accounts/" + serviceAccountId).statusCode()).isEqualTo(204);
        Response refused = api.as(token).get("/v3/projects/" + allowedProject);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.<String>path("error.code")).isEqualTo("invalid_api_key");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(tokenWithForm(clientId, secret).<String>path("error")).isEqualTo("invalid_client");
    }

    @Test
    void aTokenNarrowedToReadCannotDeployAndBasicCredentialsWorkToo() {
        Response serviceAccount = createServiceAccount(api.admin(), "[\"deploy:admin\"]", allowedProject);
        String clientId = serviceAccount.path("client_id");
        String secret = serviceAccount.path("client_secret");

        Response issued = tokenWithBasic(clientId, secret, "grant_type=client_credentials&scope=deploy%3Aread");
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
        assertThat(issued.<String>path("scope")).isEqualTo("deploy:read");
        String readOnly = issued.path("access_token");

        assertThat(api.as(readOnly).get("/v3/projects/" + allowedProject).statusCode()).isEqualTo(200);
        Response trigger = api.as(readOnly).contentType(ContentType.JSON).body("{}")
                .post("/v3/projects/" + allowedProject + "/deployments");
        assertThat(trigger.statusCode()).isEqualTo(403);
        assertThat(trigger.<String>path("error.code")).isEqualTo("insufficient_scope");
        Response v2Trigger = api.as(readOnly).contentType(ContentType.JSON)
                .body("{\"project\":\"" + allowedProject + "\",\"branch\":\"main\"}").post("/v2/deployments");
        assertThat(v2Trigger.statusCode()).isEqualTo(403);
        assertThat(v2Trigger.<String>path("error.code")).isEqualTo("insufficient_scope");
    }

    @Test
    void refusedTokenRequestsAnswerInRfc6749Terms() {
        Response serviceAccount = createServiceAccount(api.admin(), "[\"deploy:read\"]", allowedProject);
        String clientId = serviceAccount.path("client_id");
        String secret = serviceAccount.path("client_secret");

        Response wrongSecret = tokenWithForm(clientId, secret.substring(0, secret.length() - 1) + "x");
        Response wrongBasic = tokenWithBasic(clientId, "gcs_live_nope", "grant_type=client_credentials");
        Response password = api.anonymous().contentType(FORM)
                .body(form("grant_type", "password", "client_id", clientId, "client_secret", secret))
                .post("/v2/oauth/token");
        Response tooWide = tokenWithForm(clientId, secret, "scope", "deploy:write");

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.<String>path("error")).isEqualTo("invalid_client");
        assertThat(wrongSecret.<String>path("error_description")).isNotBlank();
        assertThat(wrongBasic.statusCode()).isEqualTo(401);
        assertThat(wrongBasic.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.<String>path("error")).isEqualTo("unsupported_grant_type");
        assertThat(tooWide.statusCode()).isEqualTo(400);
        assertThat(tooWide.<String>path("error")).isEqualTo("invalid_scope");
        for (Response refused : List.of(wrongSecret, wrongBasic, password, tooWide)) {
            assertThat(refused.asString()).doesNotContain("Exception").doesNotContain(secret);
            assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void aReplayedCreationNeverShowsTheClientSecretAgain() {
        String key = "sa-" + ServerSettings.randomAlphanumeric(12);
        Response first = createServiceAccount(api.admin().header("Idempotency-Key", key), "[\"deploy:read\"]",
                allowedProject);
        Response replay = createServiceAccount(api.admin().header("Idempotency-Key", key), "[\"deploy:read\"]",
                allowedProject);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.<String>path("client_secret")).startsWith("gcs_live_");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(replay.<String>path("client_id")).isEqualTo(first.path("client_id"));
        assertThat(replay.asString()).doesNotContain("client_secret").doesNotContain(first.<String>path("client_secret"));
        Map<String, Object> listed = api.admin().get("/v2/service-accounts?limit=100").path("");
        assertThat(listed.toString()).doesNotContain(first.<String>path("client_secret"));
    }

    @Test
    void aTokenCannotCreateAServiceAccountReachingFurtherThanItself() {
        Response writerAccount = createServiceAccount(api.admin(), "[\"deploy:write\"]", allowedProject);
        String token = tokenWithForm(writerAccount.path("client_id"), writerAccount.path("client_secret"))
                .path("access_token");

        Response byWriter = createServiceAccount(api.as(token), "[\"deploy:read\"]", allowedProject);

        assertThat(byWriter.statusCode()).isEqualTo(403);
        assertThat(byWriter.<String>path("error.code")).isEqualTo("insufficient_scope");
    }
}
