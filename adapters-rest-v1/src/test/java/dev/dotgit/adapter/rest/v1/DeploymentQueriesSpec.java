package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/deployments}, {@code GET /v1/deployments/{id}} and {@code GET /v1/deployments/{id}/logs}. */
abstract class DeploymentQueriesSpec extends V1Spec {

    private String projectId;

    DeploymentQueriesSpec(Supplier<V1Api> server) {
        super(server);
    }

    @BeforeEach
    void createProject() {
        projectId = tenant.createProject(Tenant.uniqueName("web"));
    }

    private String deployLater() {
        platform.clock.advance(Duration.ofSeconds(1));
        return tenant.deploy(projectId);
    }

    @Test
    void aQueuedDeploymentShowsNullForWhatIsNotKnownYet() {
        String id = tenant.deploy(projectId);

        Response got = tenant.admin().get("/v1/deployments/" + id);

        assertThat(got.statusCode()).isEqualTo(200);
        assertMatches("deployments/get-queued.response.json", got.asString(),
                Map.of("deployment_id", id, "project_id", projectId));
    }

    @Test
    void afterThePipelineRanADeploymentIsSuccessWithItsBuildDuration() {
        String id = tenant.deploy(projectId);
        runPipelineOf(id);

        Response got = tenant.admin().get("/v1/deployments/" + id);

        assertMatches("deployments/get-succeeded.response.json", got.asString(),
                Map.of("deployment_id", id, "project_id", projectId));
    }

    @Test
    void buildDurationHasOneDecimalAndARollbackNamesTheDeploymentProductionStayedOn() {
        Project project = platform.store.findById(tenant.slug(), new ProjectId(projectId)).orElseThrow();
        Instant created = TestData.T0;
        Deployment previous = platform.store.insert(TestData.aDeployment().of(project).createdAt(created)
                .buildSucceeded());
        Deployment rolledBack = platform.store.insert(TestData.aDeployment().of(project).branch("feature/login")
                .createdAt(created).autoRollback().build()
                .startBuilding(created.plusMillis(800))
                .fail(created.plusMillis(15_000), "Build command exited with code 1.")
                .recordRollback(previous.id()));

        Response got = tenant.admin().get("/v1/deployments/" + rolledBack.id().value());

        assertMatches("deployments/get-rolled-back.response.json", got.asString(), Map.of(
                "deployment_id", rolledBack.id().value(), "project_id", projectId,
                "previous_id", previous.id().value()));
    }

    @Test
    void listShowsNewestFirstWithV1StatusWordsAndTheTotal() {
        String oldest = tenant.deploy(projectId);
        runPipelineOf(oldest);
        String newest = deployLater();

        Response listed = tenant.admin().get("/v1/deployments");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertMatches("deployments/list.response.json", listed.asString(), Map.of("newest", newest, "oldest", oldest));
    }

    @Test
    void limitAndOffsetSliceTheListWhileTheTotalCountsItAll() {
        String first = tenant.deploy(projectId);
        String second = deployLater();
        String third = deployLater();

        Response middle = tenant.admin().queryParam("limit", 1).queryParam("offset", 1).get("/v1/deployments");
        Response last = tenant.admin().queryParam("limit", 2).queryParam("offset", 2).get("/v1/deployments");
        Response beyond = tenant.admin().queryParam("offset", 3).get("/v1/deployments");
        Response largest = tenant.admin().queryParam("limit", 100).get("/v1/deployments");

        assertThat(middle.<List<String>>path("data.id")).containsExactly(second);
        assertThat(middle.<Integer>path("meta.total")).isEqualTo(3);
        assertThat(middle.<Integer>path("meta.limit")).isEqualTo(1);
        assertThat(middle.<Integer>path("meta.offset")).isEqualTo(1);
        assertThat(last.<List<String>>path("data.id")).containsExactly(first);
        assertThat(beyond.<List<String>>path("data")).isEmpty();
        assertThat(beyond.<Integer>path("meta.total")).isEqualTo(3);
        assertThat(largest.<List<String>>path("data.id")).containsExactly(third, second, first);
    }

    @Test
    void theStatusFilterTakesV1Words() {
        String succeeded = tenant.deploy(projectId);
        runPipelineOf(succeeded);
        String cancelled = deployLater();
        tenant.admin().post("/v1/deployments/" + cancelled + "/cancel");
        String queued = deployLater();

        assertThat(tenant.admin().queryParam("status", "success").get("/v1/deployments").<List<String>>path("data.id"))
                .containsExactly(succeeded);
        assertThat(tenant.admin().queryParam("status", "cancelled").get("/v1/deployments")
                .<List<String>>path("data.id")).containsExactly(cancelled);
        Response queuedOnly = tenant.admin().queryParam("status", "queued").get("/v1/deployments");
        assertThat(queuedOnly.<List<String>>path("data.id")).containsExactly(queued);
        assertThat(queuedOnly.<Integer>path("meta.total")).isEqualTo(1);
    }

    @Test
    void theProjectFilterNarrowsToOneProjectAndAnUnknownProjectGivesAnEmptyList() {
        String other = tenant.createProject(Tenant.uniqueName("other"));
        String mine = tenant.deploy(projectId);
        deployLater();
        tenant.deploy(other);

        Response narrowed = tenant.admin().queryParam("project_id", projectId).queryParam("limit", 1)
                .get("/v1/deployments");
        Response unknown = tenant.admin().queryParam("project_id", "proj_0000000000").get("/v1/deployments");

        assertThat(narrowed.<Integer>path("meta.total")).isEqualTo(2);
        assertThat(narrowed.<List<String>>path("data.id")).doesNotContain(mine).hasSize(1);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.<List<String>>path("data")).isEmpty();
        assertThat(unknown.<Integer>path("meta.total")).isZero();
    }

    @Test
    void outOfRangeAndUnknownQueryValuesAre422NamingEachParameter() {
        Response refused = tenant.admin().queryParam("limit", 101).queryParam("offset", -1)
                .queryParam("status", "live").get("/v1/deployments");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertMatches("errors/validation-query.json", refused.asString());
    }

    @Test
    void limitBoundsAreInclusive() {
        tenant.deploy(projectId);

        assertThat(tenant.admin().queryParam("limit", 0).get("/v1/deployments").statusCode()).isEqualTo(422);
        assertThat(tenant.admin().queryParam("limit", 1).get("/v1/deployments").statusCode()).isEqualTo(200);
        assertThat(tenant.admin().queryParam("limit", "").get("/v1/deployments").statusCode()).isEqualTo(422);
        assertThat(tenant.admin().queryParam("offset", "1.5").get("/v1/deployments").statusCode()).isEqualTo(422);
        assertThat(tenant.admin().queryParam("offset", "99999999999999999999").get("/v1/deployments").statusCode())
                .isEqualTo(422);
    }

    @Test
    void logsOfANewDeploymentHoldItsQueuedLine() {
        String id = tenant.deploy(projectId);

        Response logs = tenant.admin().get("/v1/deployments/" + id + "/logs");

        assertThat(logs.statusCode()).isEqualTo(200);
        assertMatches("deployments/logs.response.json", logs.asString());
    }

    @Test
    void logsArePagedByLimitAndOffsetInTheirOrder() {
        String id = tenant.deploy(projectId);
        runPipelineOf(id);
        Response all = tenant.admin().queryParam("limit", 1000).get("/v1/deployments/" + id + "/logs");
        List<String> messages = all.path("data.message");
        int total = all.path("meta.total");

        Response page = tenant.admin().queryParam("limit", 2).queryParam("offset", 1)
                .get("/v1/deployments/" + id + "/logs");

        assertThat(total).isEqualTo(messages.size()).isGreaterThan(3);
        assertThat(messages.get(0)).startsWith("Deployment queued");
        assertThat(messages.get(messages.size() - 1)).startsWith("Deployment is live at http://" + id);
        assertThat(page.<List<String>>path("data.message")).containsExactlyElementsOf(messages.subList(1, 3));
        assertThat(page.<Integer>path("meta.total")).isEqualTo(total);
        assertThat(page.<Integer>path("meta.limit")).isEqualTo(2);
        assertThat(page.<Integer>path("meta.offset")).isEqualTo(1);
    }

    @Test
    void logLimitsGoUpTo1000() {
        String id = tenant.deploy(projectId);

        Response refused = tenant.admin().queryParam("limit", 1001).get("/v1/deployments/" + id + "/logs");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<String>path("error.details[0].message")).isEqualTo("Must be an integer from 1 to 1000");
        assertThat(tenant.admin().queryParam("offset", -1).get("/v1/deployments/" + id + "/logs").statusCode())
                .isEqualTo(422);
    }

    @Test
    void anUnknownDeploymentIsNotFoundOnEveryRoute() {
        String missing = "dep_0000000000";

        Response got = tenant.admin().get("/v1/deployments/" + missing);

        assertThat(got.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-deployment.json", got.asString(), Map.of("id", missing));
        assertThat(tenant.admin().get("/v1/deployments/" + missing + "/logs").statusCode()).isEqualTo(404);
        assertThat(tenant.admin().post("/v1/deployments/" + missing + "/cancel").statusCode()).isEqualTo(404);
        assertThat(tenant.admin().delete("/v1/deployments/" + missing).statusCode()).isEqualTo(404);
    }
}
