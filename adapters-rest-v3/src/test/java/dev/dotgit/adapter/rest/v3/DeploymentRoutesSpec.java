package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.Environment;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Deployments in v3: trigger, get, list with v3's vocabulary, cancel, delete, auto-rollback. */
abstract class DeploymentRoutesSpec extends V3Spec {

    DeploymentRoutesSpec(Supplier<V3Api> server) {
        super(server);
    }

    @Test
    void triggersAQueuedDeploymentWithTheHostedUrl() {
        String projectId = tenant.createProject();
        Response created = tenant.adminJson(GoldenJson.fixture("deployments/create.request.json"))
                .post("/v3/projects/" + projectId + "/deployments");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        GoldenJson.assertMatches("deployments/create.response.json", created.asString(),
                Map.of("project_id", projectId));
        String id = created.path("id");
        assertThat(created.<String>path("url")).isEqualTo("http://" + id + ".localhost:8080");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v3/deployments/" + id);
    }

    @Test
    void anEmptyBodyDeploysMainToProduction() {
        String projectId = tenant.createProject();
        Response created = tenant.admin().post("/v3/projects/" + projectId + "/deployments");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<String>path("branch")).isEqualTo("main");
        assertThat(created.<String>path("environment")).isEqualTo("production");
        assertThat(created.<Boolean>path("auto_rollback")).isFalse();
    }

    @Test
    void aLiveDeploymentSaysLiveAndRunningCoversBuildingAndDeploying() {
        String projectId = tenant.createProject();
        String live = tenant.deploy(projectId);
        runPipelineOf(live);
        Response fetched = tenant.admin().get("/v3/deployments/" + live);
        assertThat(fetched.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("deployments/get-live.response.json", fetched.asString(),
                Map.of("deployment_id", live, "project_id", projectId));

        platform.clock.advance(Duration.ofSeconds(1));
        String building = tenant.deploy(projectId, Environment.STAGING);
        Deployment queued = platform.store.findById(new DeploymentId(building)).orElseThrow();
        platform.store.update(queued.startBuilding(platform.clock.instant()));
        assertThat(tenant.admin().get("/v3/deployments/" + building).<String>path("status")).isEqualTo("running");

        Response all = tenant.admin().get("/v3/projects/" + projectId + "/deployments");
        GoldenJson.assertMatches("deployments/list.response.json", all.asString(),
                Map.of("project_id", projectId, "running", building, "live", live));

        platform.clock.advance(Duration.ofSeconds(1));
        String deploying = tenant.deploy(projectId, Environment.PREVIEW);
        Deployment queuedToo = platform.store.findById(new DeploymentId(deploying)).orElseThrow();
        platform.store.update(queuedToo.startBuilding(platform.clock.instant()).startDeploying());
        assertThat(tenant.admin().get("/v3/deployments/" + deploying).<String>path("status")).isEqualTo("running");

        String path = "/v3/projects/" + projectId + "/deployments";
        assertThat(tenant.admin().queryParam("status", "running").get(path).<List<String>>path("deployments.id"))
                .containsExactly(deploying, building);
        assertThat(tenant.admin().queryParam("status", "live").get(path).<List<String>>path("deployments.id"))
                .containsExactly(live);
        assertThat(tenant.admin().queryParam("status", "queued").get(path).<List<String>>path("deployments.id"))
                .isEmpty();
        assertThat(tenant.admin().queryParam("environment", "staging").get(path)
                .<List<String>>path("deployments.id")).containsExactly(building);
    }

    @Test
    void envVarValuesAreNeverEchoed() {
        String projectId = tenant.createProject();
        String secretValue = "sup3r-s3cret-value-" + System.nanoTime();
        Response created = tenant.adminJson("{\"env_vars\":{\"API_TOKEN\":\"" + secretValue + "\"}}")
                .post("/v3/projects/" + projectId + "/deployments");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        runPipelineOf(id);

        assertThat(created.asString()).doesNotContain(secretValue).doesNotContain("API_TOKEN");
        assertThat(tenant.admin().get("/v3/deployments/" + id).asString()).doesNotContain(secretValue);
        assertThat(tenant.admin().get("/v3/projects/" + projectId + "/deployments").asString())
                .doesNotContain(secretValue);
        assertThat(tenant.admin().queryParam("limit", 100).get("/v3/deployments/" + id + "/logs").asString())
                .doesNotContain(secretValue);
    }

    @Test
    void cancelsAnActiveDeploymentOnceThenRefuses() {
        String projectId = tenant.createProject();
        String id = tenant.deploy(projectId, Environment.STAGING);
        Response cancelled = tenant.admin().post("/v3/deployments/" + id + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        GoldenJson.assertMatches("deployments/cancel.response.json", cancelled.asString(),
                Map.of("deployment_id", id, "project_id", projectId));

        Response again = tenant.admin().post("/v3/deployments/" + id + "/cancel");
        assertError(again, 409, "deployment_not_cancellable");
        GoldenJson.assertMatches("errors/deployment-not-cancellable.json", again.asString(),
                Map.of("deployment_id", id));
    }

    @Test
    void deletesADeploymentButNeverTheOneLiveInProduction() {
        String projectId = tenant.createProject();
        String live = tenant.deploy(projectId);
        runPipelineOf(live);
        Response refused = tenant.admin().delete("/v3/deployments/" + live);
        assertError(refused, 409, "deployment_in_use");
        GoldenJson.assertMatches("errors/deployment-in-use.json", refused.asString(),
                Map.of("deployment_id", live, "project_id", projectId));

        String staging = tenant.deploy(projectId, Environment.STAGING);
        Response deleted = tenant.admin().delete("/v3/deployments/" + staging);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.asString()).isEmpty();
        assertThat(deleted.header("Api-Version")).isEqualTo("v3");
        Response gone = tenant.admin().get("/v3/deployments/" + staging);
        assertError(gone, 404, "not_found");
        GoldenJson.assertMatches("errors/not-found-deployment.json", gone.asString(), Map.of("deployment_id", staging));
    }

    @Test
    void deletingNeedsAdminScope() {
        String projectId = tenant.createProject();
        String id = tenant.deploy(projectId, Environment.STAGING);
        Response refused = api.as(tenant.key(Scope.WRITE)).delete("/v3/deployments/" + id);
        assertError(refused, 403, "insufficient_scope");
        GoldenJson.assertMatches("errors/insufficient-scope.json", refused.asString(), Map.of("scope", "deploy:admin"));
    }

    @Test
    void aFailedProductionDeploymentWithAutoRollbackNamesTheDeploymentProductionWentBackTo() {
        Response project = tenant.adminJson("{\"name\":\"" + dev.dotgit.adapter.rest.v3.support.Tenant.uniqueName("rb")
                + "\",\"build_command\":\"make site\"}").post("/v3/projects");
        String projectId = project.path("id");
        String first = tenant.deploy(projectId);
        runPipelineOf(first);
        platform.clock.advance(Duration.ofSeconds(1));
        String second = tenant.deploy(projectId, "{\"auto_rollback\":true}");
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        try {
            runPipelineOf(second);
        } finally {
            platform.builds.endingWith(new BuildOutcome.Exited(0));
        }
        Response failed = tenant.admin().get("/v3/deployments/" + second);
        GoldenJson.assertMatches("deployments/get-rolled-back.response.json", failed.asString(),
                Map.of("deployment_id", second, "project_id", projectId, "previous_id", first));
    }

    @Test
    void aBranchOrCommitTheRepositoryLacksIsABadRequest() {
        String projectId = tenant.createProject();
        Response branch = tenant.adminJson("{\"branch\":\"develop\"}").post("/v3/projects/" + projectId + "/deployments");
        assertError(branch, 400, "invalid_branch");
        GoldenJson.assertMatches("errors/invalid-branch.json", branch.asString(), Map.of("project_id", projectId));

        Response commit = tenant.adminJson("{\"commit_sha\":\"abcdef1\"}")
                .post("/v3/projects/" + projectId + "/deployments");
        assertError(commit, 400, "invalid_commit");
        GoldenJson.assertMatches("errors/invalid-commit.json", commit.asString(), Map.of("project_id", projectId));
    }

    @Test
    void anEnvironmentTypoSuggestsTheClosestValue() {
        String projectId = tenant.createProject();
        Response typo = tenant.adminJson("{\"environment\":\"prod\"}").post("/v3/projects/" + projectId + "/deployments");
        assertError(typo, 400, "validation_failed");
        GoldenJson.assertMatches("errors/validation-environment.json", typo.asString());

        Response unknown = tenant.adminJson("{\"environment\":\"qa\"}")
                .post("/v3/projects/" + projectId + "/deployments");
        assertError(unknown, 400, "validation_failed");
        GoldenJson.assertMatches("errors/validation-environment-unknown.json", unknown.asString());
    }

    @Test
    void deploymentsOfAnUnknownProjectAreNotFound() {
        assertError(tenant.admin().get("/v3/projects/proj_doesnotexist/deployments"), 404, "not_found");
        assertError(tenant.admin().post("/v3/projects/proj_doesnotexist/deployments"), 404, "not_found");
        assertError(tenant.admin().get("/v3/deployments/dep_doesnotexist"), 404, "not_found");
        assertError(tenant.admin().post("/v3/deployments/dep_doesnotexist/cancel"), 404, "not_found");
        assertError(tenant.admin().delete("/v3/deployments/dep_doesnotexist"), 404, "not_found");
    }
}
