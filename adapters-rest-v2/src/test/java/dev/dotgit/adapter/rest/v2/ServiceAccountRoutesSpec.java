package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.project.ProjectId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code /v2/service-accounts} (create with the client secret once, list by cursor, delete) and
 * {@code /v2/oauth/token} (the client-credentials grant, form and HTTP Basic), with their errors:
 * RFC 6749's at the token endpoint, v2's envelope elsewhere; and the tokens as bearer keys on v2's
 * routes: scopes, expiry, deletion.
 */
abstract class ServiceAccountRoutesSpec extends V2Spec {

    private static final String SERVICE_ACCOUNTS = "/v2/service-accounts";
    private static final String TOKEN = "/v2/oauth/token";
    private static final String FORM = "application/x-www-form-urlencoded";

    ServiceAccountRoutesSpec(Supplier<V2Api> server) {
        super(server);
    }

    private Response create(RequestSpecification as, String body) {
        tenant.tick();
        return as.contentType(ContentType.JSON).body(body).post(SERVICE_ACCOUNTS);
    }

    /** A service account with these scopes (JSON array text); its creation reply. */
    private Response createServiceAccount(String name, String scopesJson) {
        Response created = create(tenant.admin(), "{\"name\":\"" + name + "\",\"scopes\":" + scopesJson + "}");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private Response tokenRequest(RequestSpecification as, String body) {
        return as.contentType(FORM).body(body).post(TOKEN);
    }

    private Response token(Response serviceAccount, String scope) {
        String body = scope == null
                ? form("grant_type", "client_credentials", "client_id", serviceAccount.path("client_id"),
                        "client_secret", serviceAccount.path("client_secret"))
                : form("grant_type", "client_credentials", "client_id", serviceAccount.path("client_id"),
                        "client_secret", serviceAccount.path("client_secret"), "scope", scope);
        Response token = tokenRequest(api.anonymous(), body);
        assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
        return token;
    }

    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> requestId(Response response) {
        return Map.of("request_id", response.header("X-Request-Id"));
    }

    // ---- service accounts ----

    @Test
    void createsAServiceAccountAndShowsItsClientSecretOnce() {
        String projectId = platform.createProject.create(tenantCaller(),
                CreateProjectCommand.of(Tenant.uniqueName("sa"), null, null, null, null)).project().id().value();
        Map<String, String> vars = Map.of("project_id", projectId);

        Response created = create(tenant.admin(), GoldenJson.request("service-accounts/create.request.json", vars));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Api-Version")).isEqualTo("v2");
        assertMatches("service-accounts/create.response.json", created.asString(), vars);
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v2/service-accounts/" + id);
        String secret = created.path("client_secret");
        assertThat(tenant.admin().get(SERVICE_ACCOUNTS).asString()).contains(id).doesNotContain(secret)
                .doesNotContain("client_secret");
    }

    private Caller tenantCaller() {
        return platform.authenticateCaller.authenticate(tenant.adminKey());
    }

    @Test
    void listsNewestFirstByCursor() {
        String older = createServiceAccount("ci", "[\"deploy:read\"]").path("id");
        Response newest = createServiceAccount("release-bot", "[\"deploy:admin\"]");

        Response first = tenant.admin().get(SERVICE_ACCOUNTS + "?limit=1");
        Response second = tenant.admin().get(SERVICE_ACCOUNTS + "?limit=1&cursor="
                + first.<String>path("pagination.next_cursor"));

        assertMatches("service-accounts/list.response.json", first.asString(), Map.of("newest_id", newest.path("id"),
                "newest_client_id", newest.path("client_id")));
        assertThat(second.<List<String>>path("data.id")).containsExactly(older);
        assertThat(second.<Boolean>path("pagination.has_more")).isFalse();
    }

    @Test
    void deletesAServiceAccountOnceAndAnotherAccountsIsNotFound() {
        String id = createServiceAccount("ci", "[\"deploy:read\"]").path("id");
        Tenant other = api.newTenant();

        Response foreign = other.admin().delete(SERVICE_ACCOUNTS + "/" + id);
        Response deleted = tenant.admin().delete(SERVICE_ACCOUNTS + "/" + id);
        Response again = tenant.admin().delete(SERVICE_ACCOUNTS + "/" + id);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.asString()).isEmpty();
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.<String>path("error.code")).isEqualTo("not_found");
        assertThat(tenant.admin().get(SERVICE_ACCOUNTS).<List<String>>path("data")).isEmpty();
    }

    @Test
    void badFieldsAreValidationFailuresNamingTheField() {
        Response missingName = create(tenant.admin(), "{\"scopes\":[\"deploy:read\"]}");
        Response unknownScope = create(tenant.admin(), "{\"name\":\"ci\",\"scopes\":[\"deploy:everything\"]}");
        Response wrongType = create(tenant.admin(), "{\"name\":\"ci\",\"scopes\":\"deploy:read\"}");
        Response unknownProject = create(tenant.admin(),
                "{\"name\":\"ci\",\"scopes\":[\"deploy:read\"],\"project_ids\":[\"proj_0000000000\"]}");

        assertMatches("errors/validation-missing-field.json", missingName.asString(),
                Map.of("field", "name", "request_id", missingName.header("X-Request-Id")));
        assertThat(unknownScope.statusCode()).isEqualTo(400);
        assertThat(unknownScope.<String>path("error.details.field")).isEqualTo("scopes");
        assertThat(unknownScope.<List<String>>path("error.details.allowed_values"))
                .containsExactly("deploy:read", "deploy:write", "deploy:admin");
        assertThat(wrongType.<String>path("error.details.field")).isEqualTo("scopes");
        assertThat(unknownProject.<String>path("error.details.field")).isEqualTo("project_ids");
    }

    @Test
    void onlyAnUnrestrictedAdminManagesServiceAccounts() {
        String writer = tenant.key(Scope.WRITE);
        String restrictedAdmin = tenant.keyRestrictedTo(ProjectId.generate(), Scope.ADMIN);

        Response byWriter = create(api.as(writer), "{\"name\":\"ci\",\"scopes\":[\"deploy:read\"]}");
        Response byRestricted = create(api.as(restrictedAdmin), "{\"name\":\"ci\",\"scopes\":[\"deploy:read\"]}");
        Response listByWriter = api.as(writer).get(SERVICE_ACCOUNTS);
        Response anonymous = api.anonymous().get(SERVICE_ACCOUNTS);

        assertMatches("errors/insufficient-scope.json", byWriter.asString(),
                Map.of("scope", "deploy:admin", "request_id", byWriter.header("X-Request-Id")));
        assertThat(byRestricted.statusCode()).isEqualTo(403);
        assertThat(listByWriter.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.<String>path("error.code")).isEqualTo("missing_api_key");
    }

    // ---- the token endpoint ----

    @Test
    void issuesATokenForFormCredentialsThatWorksAsABearerKey() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:read\",\"deploy:write\"]");

        Response token = tokenRequest(api.anonymous(), form("grant_type", "client_credentials", "client_id",
                serviceAccount.path("client_id"), "client_secret", serviceAccount.path("client_secret"), "scope",
                "deploy:read"));

        assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
        assertMatches("oauth/token.response.json", token.asString());
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        assertThat(token.header("Pragma")).isEqualTo("no-cache");
        String bearer = token.path("access_token");
        assertThat(api.as(bearer).get("/v2/repositories").statusCode()).isEqualTo(200);
        Response write = api.as(bearer).contentType(ContentType.JSON)
                .body("{\"name\":\"" + Tenant.uniqueName("t") + "\",\"owner\":\"" + tenant.owner() + "\"}")
                .post("/v2/repositories");
        assertMatches("errors/insufficient-scope.json", write.asString(),
                Map.of("scope", "deploy:write", "request_id", write.header("X-Request-Id")));
    }

    @Test
    void acceptsClientCredentialsAsHttpBasic() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:write\"]");

        Response token = api.anonymous()
                .header("Authorization", basic(serviceAccount.path("client_id"), serviceAccount.path("client_secret")))
                .contentType(FORM).body("grant_type=client_credentials").post(TOKEN);

        assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
        assertThat(token.<String>path("scope")).isEqualTo("deploy:write");
        assertThat(token.<String>path("token_type")).isEqualTo("Bearer");
    }

    @Test
    void wrongCredentialsAreInvalidClientWithABasicChallengeOnlyWhenBasicWasUsed() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:read\"]");
        String clientId = serviceAccount.path("client_id");

        Response inForm = tokenRequest(api.anonymous(), form("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "gcs_live_wrong"));
        Response asBasic = api.anonymous().header("Authorization", basic(clientId, "gcs_live_wrong"))
                .contentType(FORM).body("grant_type=client_credentials").post(TOKEN);
        Response none = tokenRequest(api.anonymous(), "grant_type=client_credentials");

        assertThat(inForm.statusCode()).isEqualTo(401);
        assertMatches("errors/oauth-invalid-client.json", inForm.asString());
        assertThat(inForm.header("WWW-Authenticate")).isNull();
        assertThat(asBasic.statusCode()).isEqualTo(401);
        assertMatches("errors/oauth-invalid-client.json", asBasic.asString());
        assertThat(asBasic.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.<String>path("error")).isEqualTo("invalid_client");
    }

    @Test
    void otherGrantsAndScopesBeyondTheClientsAreRefusedInRfc6749Terms() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:write\"]");
        String clientId = serviceAccount.path("client_id");
        String secret = serviceAccount.path("client_secret");

        Response password = tokenRequest(api.anonymous(), form("grant_type", "password", "client_id", clientId,
                "client_secret", secret));
        Response admin = tokenRequest(api.anonymous(), form("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret, "scope", "deploy:admin"));

        assertThat(password.statusCode()).isEqualTo(400);
        assertMatches("errors/oauth-unsupported-grant-type.json", password.asString());
        assertThat(admin.statusCode()).isEqualTo(400);
        assertMatches("errors/oauth-invalid-scope.json", admin.asString());
        assertThat(password.header("Api-Version")).isEqualTo("v2");
    }

    @Test
    void malformedTokenRequestsAreInvalidRequest() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:read\"]");
        String clientId = serviceAccount.path("client_id");
        String secret = serviceAccount.path("client_secret");

        Response json = api.anonymous().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\"}").post(TOKEN);
        Response twice = tokenRequest(api.anonymous(), "grant_type=client_credentials&grant_type=client_credentials");
        Response bothMethods = api.anonymous().header("Authorization", basic(clientId, secret)).contentType(FORM)
                .body(form("grant_type", "client_credentials", "client_secret", secret)).post(TOKEN);
        Response badEncoding = tokenRequest(api.anonymous(), "grant_type=client%ZZcredentials");
        Response noGrant = tokenRequest(api.anonymous(), form("client_id", clientId, "client_secret", secret));

        for (Response refused : new Response[] {json, twice, bothMethods, badEncoding, noGrant}) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
            assertMatches("errors/oauth-invalid-request.json", refused.asString(),
                    Map.of("description", refused.path("error_description")));
        }
        assertThat(twice.<String>path("error_description")).contains("grant_type");
    }

    @Test
    void aTokenPastItsLifetimeIsRefusedSayingItExpired() {
        String bearer = token(createServiceAccount("ci", "[\"deploy:read\"]"), null).path("access_token");
        assertThat(api.as(bearer).get("/v2/repositories").statusCode()).isEqualTo(200);

        platform.clock.advance(Duration.ofHours(1));
        Response expired = api.as(bearer).get("/v2/repositories");

        assertThat(expired.statusCode()).isEqualTo(401);
        assertMatches("errors/expired-access-token.json", expired.asString(), requestId(expired));
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aDeletedServiceAccountsTokensAndCredentialsStopWorking() {
        Response serviceAccount = createServiceAccount("ci", "[\"deploy:read\"]");
        String bearer = token(serviceAccount, null).path("access_token");

        tenant.admin().delete(SERVICE_ACCOUNTS + "/" + serviceAccount.<String>path("id"));
        Response revoked = api.as(bearer).get("/v2/repositories");
        Response newToken = tokenRequest(api.anonymous(), form("grant_type", "client_credentials", "client_id",
                serviceAccount.path("client_id"), "client_secret", serviceAccount.path("client_secret")));

        assertMatches("errors/revoked-access-token.json", revoked.asString(), requestId(revoked));
        assertThat(newToken.statusCode()).isEqualTo(401);
        assertThat(newToken.<String>path("error")).isEqualTo("invalid_client");
    }

    @Test
    void aForgedTokenIsAnInvalidKey() {
        String bearer = token(createServiceAccount("ci", "[\"deploy:read\"]"), null).path("access_token");
        String[] parts = bearer.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Response refused = api.as(forged).get("/v2/repositories");

        assertMatches("errors/invalid-api-key.json", refused.asString(), requestId(refused));
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
}
