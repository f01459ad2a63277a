package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.Tenant;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.domain.apikey.Scope;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code /v3/projects}: create, get, list with the status filter, and their errors. */
abstract class ProjectRoutesSpec extends V3Spec {

    ProjectRoutesSpec(Supplier<V3Api> server) {
        super(server);
    }

    @Test
    void createsAProjectAndAnswersTheFullV3Project() {
        String name = Tenant.uniqueName("web");
        Response created = tenant.adminJson(GoldenJson.request("projects/create.request.json", Map.of("name", name)))
                .post("/v3/projects");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        GoldenJson.assertMatches("projects/create.response.json", created.asString(), Map.of("name", name));
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v3/projects/" + created.path("id"));
        assertThat(created.header("Api-Version")).isEqualTo("v3");

        Response fetched = tenant.admin().get("/v3/projects/" + created.path("id"));
        assertThat(fetched.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("projects/create.response.json", fetched.asString(), Map.of("name", name));
    }

    @Test
    void aProjectIsBuildingWhileADeploymentRunsAndRecordsItsLastDeployOnceLive() {
        String name = Tenant.uniqueName("site");
        String projectId = tenant.createProject(name);
        String deployment = tenant.deploy(projectId);

        GoldenJson.assertMatches("projects/get-building.response.json",
                tenant.admin().get("/v3/projects/" + projectId).asString(),
                Map.of("project_id", projectId, "name", name));

        runPipelineOf(deployment);
        GoldenJson.assertMatches("projects/get-live.response.json",
                tenant.admin().get("/v3/projects/" + projectId).asString(),
                Map.of("project_id", projectId, "name", name));
    }

    @Test
    void listsProjectsNewestFirstAndFiltersByReportedStatus() {
        String olderName = Tenant.uniqueName("older");
        String older = tenant.createProject(olderName);
        platform.clock.advance(Duration.ofSeconds(1));
        String newerName = Tenant.uniqueName("newer");
        String newer = tenant.createProject(newerName);
        tenant.deploy(newer);

        Response all = tenant.admin().get("/v3/projects");
        assertThat(all.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("projects/list.response.json", all.asString(), Map.of("newer", newer,
                "newer_name", newerName, "older", older, "older_name", olderName));
        assertThat(all.header("X-Next-Cursor")).as("no next page, no header").isNull();

        assertThat(tenant.admin().queryParam("status", "building").get("/v3/projects").<List<String>>path("projects.id"))
                .containsExactly(newer);
        assertThat(tenant.admin().queryParam("status", "active").get("/v3/projects").<List<String>>path("projects.id"))
                .containsExactly(older);
        assertThat(tenant.admin().queryParam("status", "archived").get("/v3/projects")
                .<List<String>>path("projects.id")).isEmpty();
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = Tenant.uniqueName("twice");
        tenant.createProject(name);
        Response again = tenant.adminJson("{\"name\":\"" + name + "\"}").post("/v3/projects");
        assertError(again, 409, "already_exists");
        GoldenJson.assertMatches("errors/already-exists.json", again.asString(), Map.of("name", name));
    }

    @Test
    void anUnknownOrForeignProjectIsNotFound() {
        Response missing = tenant.admin().get("/v3/projects/proj_doesnotexist");
        assertError(missing, 404, "not_found");
        GoldenJson.assertMatches("errors/not-found-project.json", missing.asString());

        String foreign = api.newTenant().createProject();
        Response hidden = tenant.admin().get("/v3/projects/" + foreign);
        assertError(hidden, 404, "not_found");
        assertThat(tenant.admin().get("/v3/projects").<List<String>>path("projects.id")).doesNotContain(foreign);
    }

    @Test
    void aMissingNameAnUnknownFieldAndWrongTypesAreValidationFailures() {
        Response missing = tenant.adminJson("{\"framework\":\"nextjs\"}").post("/v3/projects");
        assertError(missing, 400, "validation_failed");
        GoldenJson.assertMatches("errors/missing-field.json", missing.asString());

        Response unknown = tenant.adminJson("{\"name\":\"fine-name\",\"colour\":\"red\"}").post("/v3/projects");
        assertError(unknown, 400, "validation_failed");
        GoldenJson.assertMatches("errors/unknown-field.json", unknown.asString());
        assertThat(tenant.admin().get("/v3/projects").<List<String>>path("projects.name"))
                .as("a refused request creates nothing").doesNotContain("fine-name");

        Response wrongTypes = tenant.adminJson(GoldenJson.fixture("errors/validation-wrong-types.request.json"))
                .post("/v3/projects");
        assertError(wrongTypes, 400, "validation_failed");
        GoldenJson.assertMatches("errors/validation-wrong-types.json", wrongTypes.asString());

        Response tooLong = tenant.adminJson("{\"name\":\"ok-name\",\"framework\":\"" + "x".repeat(51) + "\"}")
                .post("/v3/projects");
        assertError(tooLong, 400, "validation_failed");
        assertThat(tooLong.<String>path("error.details.field")).isEqualTo("framework");
    }

    @Test
    void creatingNeedsWriteScopeAndReadingNeedsRead() {
        String readOnly = tenant.key(Scope.READ);
        Response refused = api.as(readOnly).contentType("application/json").body("{\"name\":\"nope-nope\"}")
                .post("/v3/projects");
        assertError(refused, 403, "insufficient_scope");
        GoldenJson.assertMatches("errors/insufficient-scope.json", refused.asString(),
                Map.of("scope", "deploy:write"));
        assertThat(api.as(readOnly).get("/v3/projects").statusCode()).isEqualTo(200);
    }

    @Test
    void anArchivedProjectKeepsItsDeploymentsButRefusesNewOnes() {
        String name = Tenant.uniqueName("old");
        String projectId = tenant.createProject(name);
        String live = tenant.deploy(projectId);
        runPipelineOf(live);

        Response archived = tenant.admin().post("/v3/projects/" + projectId + "/archive");
        assertThat(archived.statusCode()).as(archived.asString()).isEqualTo(200);
        GoldenJson.assertMatches("projects/archive.response.json", archived.asString(), Map.of("project_id", projectId, "name", name));
        Response again = tenant.admin().post("/v3/projects/" + projectId + "/archive");
        assertThat(again.statusCode()).as("archiving twice is harmless").isEqualTo(200);
        assertThat(again.<String>path("status")).isEqualTo("archived");

        Response refused = tenant.admin().post("/v3/projects/" + projectId + "/deployments");
        assertError(refused, 409, "project_archived");
        GoldenJson.assertMatches("errors/archived-project.json", refused.asString(), Map.of("project_id", projectId));

        assertThat(tenant.admin().get("/v3/deployments/" + live).<String>path("status")).isEqualTo("live");
        assertThat(tenant.admin().queryParam("status", "archived").get("/v3/projects")
                .<List<String>>path("projects.id")).containsExactly(projectId);
        assertError(api.as(tenant.key(Scope.WRITE)).post("/v3/projects/" + projectId + "/archive"), 403,
                "insufficient_scope");
        assertError(tenant.admin().post("/v3/projects/proj_doesnotexist/archive"), 404, "not_found");
    }
}
