package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import dev.dotgit.domain.apikey.Scope;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/deployments/{id}/cancel} and {@code DELETE /v1/deployments/{id}}. */
abstract class DeploymentLifecycleSpec extends V1Spec {

    private String projectId;

    DeploymentLifecycleSpec(Supplier<V1Api> server) {
        super(server);
    }

    @BeforeEach
    void createProject() {
        projectId = tenant.createProject(Tenant.uniqueName("web"));
    }

    @Test
    void cancellingAnActiveDeploymentNamesTheKeyThatCancelledIt() {
        String id = tenant.deploy(projectId);

        Response cancelled = tenant.admin().post("/v1/deployments/" + id + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertMatches("deployments/cancel.response.json", cancelled.asString(),
                Map.of("deployment_id", id, "key_id", tenant.adminKeyId()));
        assertThat(tenant.admin().get("/v1/deployments/" + id).<String>path("status")).isEqualTo("cancelled");
    }

    @Test
    void aFinishedDeploymentCannotBeCancelled() {
        String id = tenant.deploy(projectId);
        runPipelineOf(id);

        Response refused = tenant.admin().post("/v1/deployments/" + id + "/cancel");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertMatches("errors/deployment-not-cancellable.json", refused.asString(), Map.of("id", id));
    }

    @Test
    void cancellingTwiceIsRefusedTheSecondTime() {
        String id = tenant.deploy(projectId);
        tenant.admin().post("/v1/deployments/" + id + "/cancel");

        assertThat(tenant.admin().post("/v1/deployments/" + id + "/cancel").statusCode()).isEqualTo(409);
    }

    @Test
    void deleteAnswers204WithAnEmptyBodyAndTheDeploymentIsGone() {
        String id = tenant.deploy(projectId);

        Response deleted = tenant.admin().delete("/v1/deployments/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.asByteArray()).isEmpty();
        assertThat(tenant.admin().get("/v1/deployments/" + id).statusCode()).isEqualTo(404);
        assertThat(tenant.admin().get("/v1/deployments/" + id + "/logs").statusCode()).isEqualTo(404);
    }

    @Test
    void theDeploymentLiveInProductionCannotBeDeleted() {
        String live = tenant.deploy(projectId);
        runPipelineOf(live);

        Response refused = tenant.admin().delete("/v1/deployments/" + live);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertMatches("errors/deployment-in-use.json", refused.asString(),
                Map.of("id", live, "project_id", projectId));
        assertThat(tenant.admin().get("/v1/deployments/" + live).statusCode()).isEqualTo(200);
    }

    @Test
    void aFinishedDeploymentThatIsNoLongerLiveCanBeDeleted() {
        String replaced = tenant.deploy(projectId);
        runPipelineOf(replaced);
        String live = tenant.deploy(projectId);
        runPipelineOf(live);

        assertThat(tenant.admin().delete("/v1/deployments/" + replaced).statusCode()).isEqualTo(204);
    }

    @Test
    void deletingNeedsTheAdminScope() {
        String id = tenant.deploy(projectId);
        String writer = tenant.key(Scope.WRITE);

        Response refused = api.as(writer).delete("/v1/deployments/" + id);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertMatches("errors/insufficient-scope.json", refused.asString(), Map.of("scope", "deploy:admin"));
        assertThat(api.as(writer).post("/v1/deployments/" + id + "/cancel").statusCode()).isEqualTo(200);
    }
}
