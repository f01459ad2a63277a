package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.domain.apikey.Scope;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code /v3/api-keys}: issue (secret once), list without secrets, revoke; issued keys work as Bearer keys. */
abstract class ApiKeyRoutesSpec extends V3Spec {

    ApiKeyRoutesSpec(Supplier<V3Api> server) {
        super(server);
    }

    private Response issue(String projectId) {
        return tenant.adminJson(GoldenJson.request("apikeys/create.request.json", Map.of("project_id", projectId)))
                .post("/v3/api-keys");
    }

    @Test
    void issuesARestrictedKeyThatWorksAsABearerKeyWithinItsReach() {
        String projectId = tenant.createProject();
        String other = tenant.createProject();
        platform.clock.advance(Duration.ofSeconds(1));
        Response created = issue(projectId);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        GoldenJson.assertMatches("apikeys/create.response.json", created.asString(), Map.of("project_id", projectId));
        String secret = created.path("secret");
        assertThat(secret).startsWith("gsk_live_").endsWith(created.<String>path("last_four"));
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v3/api-keys/" + created.path("id"));

        assertThat(api.as(secret).get("/v3/projects").<List<String>>path("projects.id")).containsExactly(projectId);
        assertError(api.as(secret).get("/v3/projects/" + other), 404, "not_found");
        Response staging = api.as(secret).contentType("application/json").body("{\"environment\":\"staging\"}")
                .post("/v3/projects/" + projectId + "/deployments");
        assertThat(staging.statusCode()).as(staging.asString()).isEqualTo(201);
        assertError(api.as(secret).contentType("application/json").body("{\"environment\":\"production\"}")
                .post("/v3/projects/" + projectId + "/deployments"), 403, "insufficient_scope");
    }

    @Test
    void listsKeysWithoutSecretsAndRevokedKeysStopWorking() {
        String projectId = tenant.createProject();
        platform.clock.advance(Duration.ofSeconds(1));
        Response created = issue(projectId);
        String secret = created.path("secret");

        Response listed = tenant.admin().get("/v3/api-keys");
        assertThat(listed.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("apikeys/list.response.json", listed.asString(), Map.of("key_id",
                created.path("id"), "last_four", created.path("last_four"), "project_id", projectId,
                "admin_key_id", tenant.adminKeyId()));
        assertThat(listed.asString()).doesNotContain(secret).doesNotContain(tenant.adminKey());

        Response revoked = tenant.admin().delete("/v3/api-keys/" + created.path("id"));
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertError(api.as(secret).get("/v3/projects"), 401, "invalid_api_key");
        assertThat(tenant.admin().get("/v3/api-keys").<List<String>>path("api_keys.id"))
                .doesNotContain(created.<String>path("id"));
        assertError(tenant.admin().delete("/v3/api-keys/" + created.path("id")), 404, "not_found");
    }

    @Test
    void keyListsPageLikeEveryOtherList() {
        for (int i = 0; i < 3; i++) {
            platform.clock.advance(Duration.ofSeconds(1));
            tenant.adminJson("{\"scopes\":[\"deploy:read\"],\"name\":\"k" + i + "\"}").post("/v3/api-keys");
        }
        Response first = tenant.admin().queryParam("limit", 3).get("/v3/api-keys");
        assertThat(first.<List<String>>path("api_keys.name")).containsExactly("k2", "k1", "k0");
        String cursor = first.path("pagination.next_cursor");
        assertThat(first.header("X-Next-Cursor")).isEqualTo(cursor);
        Response rest = tenant.admin().queryParam("limit", 3).queryParam("cursor", cursor).get("/v3/api-keys");
        assertThat(rest.<List<String>>path("api_keys.id")).containsExactly(tenant.adminKeyId());
        assertThat(rest.<Boolean>path("pagination.has_more")).isFalse();
    }

    @Test
    void badKeyRequestsNameTheirField() {
        Response typo = tenant.adminJson("{\"scopes\":[\"deploy:reed\"]}").post("/v3/api-keys");
        assertError(typo, 400, "validation_failed");
        assertThat(typo.<String>path("error.message")).isEqualTo(
                "Invalid scopes value: 'deploy:reed'. Use 'deploy:read' instead.");
        assertThat(typo.<String>path("error.details.field")).isEqualTo("scopes");

        Response missing = tenant.adminJson("{\"name\":\"no scopes\"}").post("/v3/api-keys");
        assertError(missing, 400, "validation_failed");
        assertThat(missing.<String>path("error.details.field")).isEqualTo("scopes");

        Response notAList = tenant.adminJson("{\"scopes\":\"deploy:read\"}").post("/v3/api-keys");
        assertError(notAList, 400, "validation_failed");
        assertThat(notAList.<String>path("error.details.field")).isEqualTo("scopes");

        Response badTime = tenant.adminJson("{\"scopes\":[\"deploy:read\"],\"expires_at\":\"tomorrow\"}")
                .post("/v3/api-keys");
        assertError(badTime, 400, "validation_failed");
        assertThat(badTime.<String>path("error.details.field")).isEqualTo("expires_at");

        Response past = tenant.adminJson("{\"scopes\":[\"deploy:read\"],\"expires_at\":\"2001-01-01T00:00:00Z\"}")
                .post("/v3/api-keys");
        assertError(past, 400, "validation_failed");
        assertThat(past.<String>path("error.details.field")).isEqualTo("expires_at");

        Response unknownProject = tenant.adminJson("{\"scopes\":[\"deploy:read\"],\"project_ids\":[\"proj_nope\"]}")
                .post("/v3/api-keys");
        assertError(unknownProject, 400, "validation_failed");
        assertThat(unknownProject.<String>path("error.details.field")).isEqualTo("project_ids");
    }

    @Test
    void onlyAnAdminKeyManagesKeys() {
        String writer = tenant.key(Scope.WRITE);
        assertError(api.as(writer).get("/v3/api-keys"), 403, "insufficient_scope");
        assertError(api.as(writer).contentType("application/json").body("{\"scopes\":[\"deploy:read\"]}")
                .post("/v3/api-keys"), 403, "insufficient_scope");
        assertError(api.as(writer).delete("/v3/api-keys/" + tenant.adminKeyId()), 403, "insufficient_scope");
    }
}
