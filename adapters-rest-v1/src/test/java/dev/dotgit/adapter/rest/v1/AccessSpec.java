package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.project.ProjectId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** CONTRACT §1 and §2.2 on v1: scopes, project restrictions, and accounts that never see each other. */
abstract class AccessSpec extends V1Spec {

    AccessSpec(Supplier<V1Api> server) {
        super(server);
    }

    @Test
    void aReadKeyReadsButCannotCreateProjectsOrTriggerDeployments() {
        String projectId = tenant.createProject(Tenant.uniqueName("web"));
        String reader = tenant.key(Scope.READ);

        Response createProject = api.as(reader).contentType(ContentType.JSON).body("{\"name\":\"blocked\"}")
                .post("/v1/projects");
        Response deployUnderProject = api.as(reader).contentType(ContentType.JSON)
                .body("{\"branch\":\"main\",\"environment\":\"production\"}")
                .post("/v1/projects/" + projectId + "/deployments");
        Response deploy = api.as(reader).contentType(ContentType.JSON)
                .body("{\"project_id\":\"" + projectId + "\",\"branch\":\"main\"}").post("/v1/deployments");

        for (Response refused : List.of(createProject, deployUnderProject, deploy)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertMatches("errors/insufficient-scope.json", refused.asString(), Map.of("scope", "deploy:write"));
        }
        assertThat(api.as(reader).get("/v1/projects/" + projectId).statusCode()).isEqualTo(200);
        assertThat(api.as(reader).get("/v1/deployments").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRestrictedToOneProjectSeesNothingOfTheOthers() {
        String allowed = tenant.createProject(Tenant.uniqueName("allowed"));
        String hidden = tenant.createProject(Tenant.uniqueName("hidden"));
        String allowedDeployment = tenant.deploy(allowed);
        String hiddenDeployment = tenant.deploy(hidden);
        String restricted = tenant.keyRestrictedTo(new ProjectId(allowed), Scope.ADMIN);

        Response hiddenProject = api.as(restricted).get("/v1/projects/" + hidden);
        Response projects = api.as(restricted).get("/v1/projects");
        Response deployments = api.as(restricted).get("/v1/deployments");

        assertThat(hiddenProject.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-project.json", hiddenProject.asString(), Map.of("id", hidden));
        assertThat(projects.<List<String>>path("data.id")).containsExactly(allowed);
        assertThat(projects.<Integer>path("meta.total")).isEqualTo(1);
        assertThat(deployments.<List<String>>path("data.id")).containsExactly(allowedDeployment);
        assertThat(deployments.<Integer>path("meta.total")).isEqualTo(1);
        assertThat(api.as(restricted).get("/v1/deployments/" + hiddenDeployment).statusCode()).isEqualTo(404);
        assertThat(api.as(restricted).queryParam("project_id", hidden).get("/v1/deployments")
                .<List<String>>path("data")).isEmpty();
        assertThat(api.as(restricted).contentType(ContentType.JSON)
                .body("{\"project_id\":\"" + hidden + "\",\"branch\":\"main\"}").post("/v1/deployments")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anotherAccountsDeploymentIsAnswered404ExactlyAsIfItDidNotExist() {
        Tenant owner = api.newTenant();
        String projectId = owner.createProject(Tenant.uniqueName("theirs"));
        String theirs = owner.deploy(projectId);

        Response whileItExists = tenant.admin().get("/v1/deployments/" + theirs);
        owner.admin().delete("/v1/deployments/" + theirs);
        Response afterItIsGone = tenant.admin().get("/v1/deployments/" + theirs);

        assertThat(whileItExists.statusCode()).isEqualTo(404);
        assertThat(afterItIsGone.statusCode()).isEqualTo(404);
        assertThat(whileItExists.asByteArray()).isEqualTo(afterItIsGone.asByteArray());
        assertMatches("errors/not-found-deployment.json", whileItExists.asString(), Map.of("id", theirs));
    }

    @Test
    void anotherAccountsObjectsAreInvisibleEverywhere() {
        Tenant owner = api.newTenant();
        String projectId = owner.createProject(Tenant.uniqueName("theirs"));
        String theirs = owner.deploy(projectId);

        assertThat(tenant.admin().get("/v1/projects/" + projectId).statusCode()).isEqualTo(404);
        assertThat(tenant.admin().get("/v1/projects").<List<String>>path("data")).isEmpty();
        assertThat(tenant.admin().get("/v1/deployments").<List<String>>path("data")).isEmpty();
        assertThat(tenant.admin().get("/v1/deployments/" + theirs + "/logs").statusCode()).isEqualTo(404);
        assertThat(tenant.admin().post("/v1/deployments/" + theirs + "/cancel").statusCode()).isEqualTo(404);
        assertThat(tenant.admin().delete("/v1/deployments/" + theirs).statusCode()).isEqualTo(404);
        assertThat(owner.admin().get("/v1/deployments/" + theirs).<String>path("status")).isEqualTo("queued");
    }
}
