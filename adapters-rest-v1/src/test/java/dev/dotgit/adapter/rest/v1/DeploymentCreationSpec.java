package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.fixture;
import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two ways v1 triggers a deployment (CONTRACT C1), each with its own reply, and what they refuse. */
abstract class DeploymentCreationSpec extends V1Spec {

    private String projectId;

    DeploymentCreationSpec(Supplier<V1Api> server) {
        super(server);
    }

    @BeforeEach
    void createProject() {
        projectId = tenant.createProject(Tenant.uniqueName("web"));
    }

    private Response postUnderProject(String body) {
        return tenant.admin().contentType(ContentType.JSON).body(body)
                .post("/v1/projects/" + projectId + "/deployments");
    }

    private Response postToDeployments(String body) {
        return tenant.admin().contentType(ContentType.JSON).body(body).post("/v1/deployments");
    }

    @Test
    void underItsProjectADeploymentAnswersWithItsApiUrlAndStartTime() {
        Response created = postUnderProject(fixture("deployments/trigger-under-project.request.json"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertMatches("deployments/trigger-under-project.response.json", created.asString());
        String id = created.path("id");
        assertThat(created.<String>path("url")).isEqualTo("http://localhost:8080/v1/deployments/" + id);
        assertThat(created.header("Location")).isEqualTo(created.<String>path("url"));
        assertThat(created.<String>path("started_at"))
                .isEqualTo(tenant.admin().get("/v1/deployments/" + id).<String>path("created_at"));
    }

    @Test
    void atTheDeploymentsRouteADeploymentAnswersWithItsHostedUrlAndResolvedCommit() {
        Response created = postToDeployments(
                request("deployments/create.request.json", Map.of("project_id", projectId)));

        assertThat(created.statusCode()).isEqualTo(201);
        assertMatches("deployments/create.response.json", created.asString(), Map.of("project_id", projectId));
        String id = created.path("id");
        assertThat(created.<String>path("url")).isEqualTo("http://" + id + ".localhost:8080");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v1/deployments/" + id);
    }

    @Test
    void theDeploymentsRouteDeploysToProductionUnlessToldOtherwise() {
        String byDefault = tenant.deploy(projectId, "main", "production");
        String toStaging = postToDeployments("""
                {"project_id":"%s","branch":"main","environment":"staging"}""".formatted(projectId)).path("id");

        assertThat(tenant.admin().get("/v1/deployments/" + byDefault).<String>path("environment"))
                .isEqualTo("production");
        assertThat(tenant.admin().get("/v1/deployments/" + toStaging).<String>path("environment"))
                .isEqualTo("staging");
    }

    @Test
    void anAbbreviatedCommitIsResolvedToTheFullHash() {
        String head = postToDeployments(request("deployments/create.request.json", Map.of("project_id", projectId)))
                .path("commit_sha");

        Response pinned = postToDeployments("""
                {"project_id":"%s","branch":"main","commit_sha":"%s"}""".formatted(projectId, head.substring(0, 7)));

        assertThat(pinned.statusCode()).isEqualTo(201);
        assertThat(pinned.<String>path("commit_sha")).isEqualTo(head);
    }

    @Test
    void aBranchTheRepositoryLacksIsInvalidBranchAsSeed004Shows() {
        Response refused = postToDeployments("""
                {"project_id":"%s","branch":"develop"}""".formatted(projectId));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-branch.json", refused.asString(), Map.of("project_id", projectId));
        assertMatches("errors/invalid-branch.json", postUnderProject("""
                {"branch":"develop","environment":"preview"}""").asString(), Map.of("project_id", projectId));
    }

    @Test
    void aCommitTheRepositoryLacksIsInvalidCommit() {
        Response refused = postToDeployments("""
                {"project_id":"%s","branch":"main","commit_sha":"abcdef1"}""".formatted(projectId));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-commit.json", refused.asString(), Map.of("project_id", projectId));
    }

    @Test
    void anEnvironmentOutsideTheListIsTheSeed001ValidationError() {
        Response refused = postUnderProject("""
                {"branch":"main","environment":"prod"}""");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertMatches("errors/validation-environment.json", refused.asString());
        assertMatches("errors/validation-environment.json", postToDeployments("""
                {"project_id":"%s","branch":"main","environment":"Production"}""".formatted(projectId)).asString());
    }

    @Test
    void everyValueOfTheWrongJsonTypeIsReportedAtOnce() {
        Response refused = postUnderProject(fixture("errors/validation-wrong-types.request.json"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertMatches("errors/validation-wrong-types.json", refused.asString());
    }

    @Test
    void malformedValuesAreReportedWithTheirRules() {
        Response refused = postToDeployments("""
                {"project_id":"%s","branch":"bad..branch","commit_sha":"xyz","env_vars":{"1ST":"x"}}"""
                .formatted(projectId));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<List<String>>path("error.details.field"))
                .containsExactly("branch", "commit_sha", "env_vars.1ST");
        assertThat(refused.<String>path("error.details[0].message")).startsWith("Must be a valid git branch name");
        assertThat(refused.<String>path("error.details[1].message"))
                .isEqualTo("Must be a commit hash of 4-40 hexadecimal characters");
    }

    @Test
    void envVarsMustBeAnObjectOfStrings() {
        Response refused = postToDeployments("""
                {"project_id":"%s","branch":"main","env_vars":["A=1"]}""".formatted(projectId));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<String>path("error.details[0].field")).isEqualTo("env_vars");
        assertThat(refused.<String>path("error.details[0].message")).isEqualTo("Must be an object of string values");
    }

    @Test
    void missingRequiredFieldsAreNamedInFieldOrder() {
        Response refused = postToDeployments("{}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/missing-field.json", refused.asString());
    }

    @Test
    void aRequiredFieldSentAsNullIsMissingAndOutranksInvalidValues() {
        Response refused = postUnderProject("""
                {"branch":null,"environment":"prod"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.code")).isEqualTo("missing_field");
        assertThat(refused.<String>path("error.details.field")).isEqualTo("branch");
        assertThat(refused.<String>path("error.message")).isEqualTo("Missing required field: branch");
    }

    @Test
    void fieldsV1DoesNotKnowAreIgnored() {
        Response created = postToDeployments("""
                {"project_id":"%s","branch":"main","strategy":"canary","auto_rollback":"yes"}""".formatted(projectId));

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownProjectIsNotFound() {
        Response refused = tenant.admin().contentType(ContentType.JSON).body("""
                {"branch":"main","environment":"production"}""").post("/v1/projects/proj_0000000000/deployments");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-project.json", refused.asString(), Map.of("id", "proj_0000000000"));
    }
}
