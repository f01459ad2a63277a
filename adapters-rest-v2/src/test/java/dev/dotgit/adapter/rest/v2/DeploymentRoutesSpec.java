package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Strategy;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v2/deployments}: both trigger shapes (C4), get, list by cursor, cancel, the v2 vocabulary, and their errors. */
abstract class DeploymentRoutesSpec extends V2Spec {

    DeploymentRoutesSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static Map<String, String> with(Response response, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(more);
        all.put("request_id", response.header("X-Request-Id"));
        return all;
    }

    private Response trigger(String body) {
        tenant.tick();
        return tenant.admin().contentType(ContentType.JSON).body(body).post("/v2/deployments");
    }

    @Test
    void triggersWithSeed002sBody() {
        String repo = tenant.createRepository(Tenant.uniqueName("s002"));

        Response created = trigger(GoldenJson.request("deployments/create-002.request.json", Map.of("repo_id", repo)));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Api-Version")).isEqualTo("v2");
        assertMatches("deployments/create.response.json", created.asString());
        String id = created.path("id");
        assertThat(created.<String>path("url")).isEqualTo("http://" + id + ".localhost:8080");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v2/deployments/" + id);

        Response fetched = tenant.admin().get("/v2/deployments/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertMatches("deployments/get-queued.response.json", fetched.asString(), Map.of("id", id, "repo_id", repo));
    }

    @Test
    void triggersWithTheSdksBodyWhoseEnvObjectIsEnvVarsThatAreNeverEchoed() {
        String name = Tenant.uniqueName("sdk");
        String repo = tenant.createRepository(name);

        Response created = trigger(GoldenJson.request("deployments/create-003.request.json", Map.of("project", name)));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertMatches("deployments/create.response.json", created.asString());
        String id = created.path("id");
        Response fetched = tenant.admin().get("/v2/deployments/" + id);
        assertThat(fetched.<String>path("repo_id")).isEqualTo(repo);
        assertThat(fetched.<String>path("env")).isEqualTo("preview");
        assertThat(created.asString() + fetched.asString()
                + tenant.admin().get("/v2/deployments").asString()).doesNotContain("s3cr3t-env-value", "NODE_ENV");
        assertThat(platform.getDeployment.get(platform.authenticateCaller.authenticate(tenant.adminKey()), id)
                .envVars()).isEqualTo(new EnvVars(Map.of("NODE_ENV", "production", "API_TOKEN", "s3cr3t-env-value")));
    }

    @Test
    void aProjectIsFoundByIdTooAndEnvVarsMayComeAsEnvVars() {
        String repo = tenant.createRepository(Tenant.uniqueName("byid"));
        String projectId = tenant.admin().get("/v2/deployments/" + tenant.deploy(repo)).path("project_id");

        Response created = trigger("{\"project\":\"" + projectId + "\",\"branch\":\"main\",\"env\":\"staging\","
                + "\"env_vars\":{\"TOKEN\":\"hidden-value\"},\"strategy\":\"blue_green\"}");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        Response fetched = tenant.admin().get("/v2/deployments/" + created.path("id"));
        assertThat(fetched.<String>path("env")).isEqualTo("staging");
        assertThat(fetched.<String>path("strategy")).isEqualTo("blue_green");
        assertThat(fetched.asString()).doesNotContain("hidden-value", "TOKEN");
        var deployment = platform.getDeployment.get(platform.authenticateCaller.authenticate(tenant.adminKey()),
                created.path("id"));
        assertThat(deployment.environment()).isEqualTo(Environment.STAGING);
        assertThat(deployment.strategy()).isEqualTo(Strategy.BLUE_GREEN);
        assertThat(deployment.envVars().values()).containsEntry("TOKEN", "hidden-value");
    }

    @Test
    void aDeploymentThatWentLiveIsLiveWithFullProgress() {
        String repo = tenant.createRepository(Tenant.uniqueName("golive"));
        String id = tenant.deploy(repo, "main", "production");

        runPipelineOf(id);

        Response fetched = tenant.admin().get("/v2/deployments/" + id);
        assertMatches("deployments/get-live.response.json", fetched.asString(), Map.of("id", id, "repo_id", repo));
        assertThat(tenant.admin().queryParam("status", "live").get("/v2/deployments").<List<String>>path("data.id"))
                .containsExactly(id);
        assertThat(tenant.admin().queryParam("status", "success").get("/v2/deployments").statusCode()).isEqualTo(400);
    }

    @Test
    void cancelsAQueuedDeploymentAndRefusesToCancelAFinishedOne() {
        String repo = tenant.createRepository(Tenant.uniqueName("cancel"));
        String id = tenant.deploy(repo);

        Response cancelled = tenant.admin().post("/v2/deployments/" + id + "/cancel");

        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertMatches("deployments/cancel.response.json", cancelled.asString(), Map.of("id", id, "repo_id", repo));

        Response again = tenant.admin().post("/v2/deployments/" + id + "/cancel");
        assertThat(again.statusCode()).isEqualTo(409);
        assertMatches("errors/deployment-not-cancellable.json", again.asString(), with(again, Map.of("id", id)));
    }

    @Test
    void listsByRepositoryAndStatusInCursorPagesStableUnderInserts() {
        String repo = tenant.createRepository(Tenant.uniqueName("many"));
        String otherRepo = tenant.createRepository(Tenant.uniqueName("other"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, tenant.deploy(repo));
        }
        tenant.deploy(otherRepo);

        Response page1 = tenant.admin().queryParam("repo_id", repo).queryParam("limit", 1).get("/v2/deployments");
        assertThat(page1.statusCode()).isEqualTo(200);
        assertMatches("deployments/list.response.json", page1.asString(), Map.of("id", ids.get(0), "repo_id", repo));

        tenant.deploy(repo);
        List<String> seen = new ArrayList<>(page1.<List<String>>path("data.id"));
        String cursor = page1.path("pagination.next_cursor");
        while (cursor != null) {
            Response next = tenant.admin().queryParam("repo_id", repo).queryParam("limit", 2)
                    .queryParam("cursor", cursor).get("/v2/deployments");
            seen.addAll(next.<List<String>>path("data.id"));
            cursor = next.path("pagination.next_cursor");
        }
        assertThat(seen).containsExactlyElementsOf(ids);

        tenant.admin().post("/v2/deployments/" + ids.get(2) + "/cancel");
        assertThat(tenant.admin().queryParam("status", "cancelled").get("/v2/deployments")
                .<List<String>>path("data.id")).containsExactly(ids.get(2));
        assertThat(tenant.admin().queryParam("status", "queued,cancelled").queryParam("repo_id", repo)
                .get("/v2/deployments").<List<String>>path("data.id")).hasSize(6);
        assertThat(tenant.admin().queryParam("repo_id", "repo_0000000000").get("/v2/deployments")
                .<List<String>>path("data.id")).isEmpty();
        assertThat(tenant.admin().get("/v2/deployments").<Integer>path("data.size()")).isEqualTo(7);
    }

    @Test
    void aForgedDeploymentsCursorIsRefused() {
        Response refused = tenant.admin().queryParam("cursor", "eyJpZCI6MTIzfQ==").get("/v2/deployments");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-cursor.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void aBadStatusFilterNamesTheV2Vocabulary() {
        Response refused = tenant.admin().queryParam("status", "running").get("/v2/deployments");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.details.field")).isEqualTo("status");
        assertThat(refused.<List<String>>path("error.details.allowed_values"))
                .containsExactly("queued", "building", "deploying", "live", "failed", "cancelled");
    }

    @Test
    void aBranchTheRepositoryLacksIsInvalidBranch() {
        String repo = tenant.createRepository(Tenant.uniqueName("nobranch"));

        Response refused = trigger("{\"repo_id\":\"" + repo + "\",\"branch\":\"develop\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-branch.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void aCommitTheRepositoryLacksIsInvalidCommit() {
        String repo = tenant.createRepository(Tenant.uniqueName("nocommit"));

        Response refused = trigger("{\"repo_id\":\"" + repo + "\",\"branch\":\"main\",\"commit_sha\":\"abcdef1\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-commit.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void anUnknownRepositoryOrProjectIsNotFound() {
        Response byRepo = trigger("{\"repo_id\":\"repo_0000000000\",\"branch\":\"main\"}");
        Response byProject = trigger("{\"project\":\"no-such-app\",\"branch\":\"main\"}");

        assertThat(byRepo.statusCode()).isEqualTo(404);
        assertThat(byRepo.<String>path("error.code")).isEqualTo("not_found");
        assertThat(byProject.statusCode()).isEqualTo(404);
        assertThat(byProject.<String>path("error.details.request_id")).isEqualTo(byProject.header("X-Request-Id"));
    }

    @Test
    void anUnknownDeploymentIsNotFound() {
        for (String path : new String[] {"/v2/deployments/dep_0000000000", "/v2/deployments/whatever"}) {
            Response missing = tenant.admin().get(path);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertMatches("errors/not-found-deployment.json", missing.asString(),
                    with(missing, Map.of("id", path.substring(path.lastIndexOf('/') + 1))));
        }
        assertThat(tenant.admin().post("/v2/deployments/dep_0000000000/cancel").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"branch\":\"main\"}|repo_id",
        "{\"repo_id\":\"repo_0000000000\"}|branch",
        "{\"repo_id\":\"repo_0000000000\",\"branch\":null}|branch"})
    void aMissingFieldIsAValidationFailure(String body, String field) {
        Response refused = trigger(body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-missing-field.json", refused.asString(), with(refused, Map.of("field", field)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"repo_id\":42,\"branch\":\"main\"}|repo_id",
        "{\"repo_id\":\"r\",\"project\":\"p\",\"branch\":\"main\"}|project",
        "{\"repo_id\":\"r\",\"branch\":[\"main\"]}|branch",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"env\":7}|env",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"env\":{\"A\":1}}|env.A",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"env\":{\"1BAD\":\"x\"}}|env.1BAD",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"env_vars\":\"A=1\"}|env_vars",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"env\":{\"A\":\"1\"},\"env_vars\":{\"B\":\"2\"}}|env_vars",
        "{\"repo_id\":\"r\",\"branch\":\"main\",\"commit_sha\":\"not-a-sha\"}|commit_sha",
        "{\"repo_id\":\"r\",\"branch\":\"..\"}|branch"})
    void aBadValueIsAValidationFailureNamingTheField(String body, String field) {
        Response refused = trigger(body);

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", field)));
    }

    @Test
    void anUnknownEnvironmentNamesTheAllowedOnes() {
        Response refused = trigger("{\"repo_id\":\"r\",\"branch\":\"main\",\"env\":\"prod\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-env.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void anUnknownStrategyNamesTheAllowedOnes() {
        Response refused = trigger("{\"repo_id\":\"r\",\"branch\":\"main\",\"strategy\":\"rolling\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.details.field")).isEqualTo("strategy");
        assertThat(refused.<List<String>>path("error.details.allowed_values"))
                .containsExactly("instant", "canary", "blue_green");
    }

    @Test
    void unknownBodyFieldsAreIgnored() {
        String repo = tenant.createRepository(Tenant.uniqueName("extra"));

        Response created = trigger("{\"repo_id\":\"" + repo + "\",\"branch\":\"main\",\"region\":\"eu\"}");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    @Test
    void aReadOnlyKeyCannotTriggerOrCancel() {
        String repo = tenant.createRepository(Tenant.uniqueName("ro"));
        String id = tenant.deploy(repo);
        String reader = tenant.key(Scope.READ);

        Response trigger = api.as(reader).contentType(ContentType.JSON)
                .body("{\"repo_id\":\"" + repo + "\",\"branch\":\"main\"}").post("/v2/deployments");
        Response cancel = api.as(reader).post("/v2/deployments/" + id + "/cancel");

        for (Response refused : List.of(trigger, cancel)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertMatches("errors/insufficient-scope.json", refused.asString(),
                    with(refused, Map.of("scope", "deploy:write")));
        }
        assertThat(api.as(reader).get("/v2/deployments/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyLimitedToPreviewsCannotDeployToProductionAndDoesNotSeeIt() {
        String repo = tenant.createRepository(Tenant.uniqueName("envkey"));
        String production = tenant.deploy(repo, "main", "production");
        String previewOnly = tenant.register(TestData.anApiKey().scopes(Scope.WRITE).restrictedTo(Environment.PREVIEW));

        Response refused = api.as(previewOnly).contentType(ContentType.JSON)
                .body("{\"repo_id\":\"" + repo + "\",\"branch\":\"main\",\"env\":\"production\"}")
                .post("/v2/deployments");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertMatches("errors/environment-not-allowed.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
        assertThat(api.as(previewOnly).get("/v2/deployments/" + production).statusCode()).isEqualTo(404);
        assertThat(api.as(previewOnly).get("/v2/deployments").<List<String>>path("data.id")).doesNotContain(production);
    }
}
