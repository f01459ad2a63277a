package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertApiHeaders;
import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.golden.GoldenJson;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The v1 walk-through a new user follows, against the real server: create a project, deploy
 * {@code main}, watch it go live, open the site, and get a clear error for a branch that does
 * not exist. Every reply is checked against v1's golden fixtures where one exists, and for the
 * headers every API response carries. Run once per database engine.
 */
abstract class WalkThroughScenario {

    /** The server under test; each engine's subclass provides its own. */
    protected abstract Api api();

    @Test
    void createProjectDeployMainAndOpenTheLiveSite() {
        Api api = api();
        String name = "walk-" + ServerSettings.randomAlphanumeric(8);

        // 1. A project; the client's own (safe) request id is kept.
        String clientRequestId = "walk-through:" + ServerSettings.randomAlphanumeric(6);
        Response created = api.admin().header("X-Request-Id", clientRequestId).contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", name))).post("/v1/projects");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertApiHeaders(created, clientRequestId);
        String projectId = created.path("id");
        assertThat(projectId).matches("proj_[0-9a-z]{10}");
        Map<String, String> project = Map.of("project_id", projectId, "name", name);
        assertGolden("projects/get-minimal.response.json", created, api, project);

        Response fetched = api.admin().get("/v1/projects/" + projectId);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertApiHeaders(fetched);
        assertGolden("projects/get-minimal.response.json", fetched, api, project);
        assertThat(fetched.<String>path("repo_id")).isEqualTo(created.path("repo_id"));

        // 2. A deployment of main, sent exactly as the fixture request is written.
        Response deploy = api.admin().contentType(ContentType.JSON)
                .body(GoldenJson.request("deployments/create.request.json", Map.of("project_id", projectId)))
                .post("/v1/deployments");
        assertThat(deploy.statusCode()).as(deploy.asString()).isEqualTo(201);
        assertApiHeaders(deploy);
        assertGolden("deployments/create.response.json", deploy, api, project);
        String deploymentId = deploy.path("id");
        String siteUrl = "http://" + deploymentId + "." + api.hostingDomain();
        assertThat(deploy.<String>path("url")).isEqualTo(siteUrl);
        assertThat(deploy.header("Location")).isEqualTo("http://" + api.hostingDomain() + "/v1/deployments/"
                + deploymentId);
        String commitSha = deploy.path("commit_sha");

        // 3. The pipeline runs on its own and the deployment goes live.
        Response succeeded = api.awaitFinalStatus(api.bootstrapKey(), deploymentId, "success");
        assertApiHeaders(succeeded);
        assertGolden("deployments/get-succeeded.response.json", succeeded, api,
                Map.of("deployment_id", deploymentId, "project_id", projectId));
        assertThat(succeeded.<String>path("commit_sha")).isEqualTo(commitSha);
        assertThat(succeeded.<String>path("deploy_url")).isEqualTo(siteUrl);

        // 4. Its log tells the story, step by step.
        Response logs = api.admin().get("/v1/deployments/" + deploymentId + "/logs");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertApiHeaders(logs);
        GoldenJson.assertMatchesJson("""
                {"data":[
                  {"timestamp":"{{timestamp}}","level":"info","message":"Deployment queued: main@{{var:short_sha}} to production (instant)"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"Build started for {{var:name}} (production)"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"Cloning default/{{var:name}} at {{var:short_sha}} (branch main)"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"No build command configured; publishing the repository contents as they are"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"Publishing the repository root"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"Published 2 files ({{string}})"},
                  {"timestamp":"{{timestamp}}","level":"info","message":"Deployment is live at {{var:site}} and http://{{var:name}}.{{var:domain}}"}
                ],
                "meta":{"total":7,"limit":100,"offset":0}}
                """, logs.asString(), Map.of("short_sha", commitSha.substring(0, 7), "name", name, "site", siteUrl,
                "domain", api.hostingDomain()), "the log of a deployment without a build command");

        // 5. The site is served at the deployment's own host and at the project's alias.
        Response site = api.siteAt(succeeded.path("deploy_url")).get("/");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.contentType()).startsWith("text/html");
        assertThat(site.header("Api-Version")).as("a site is not an API response").isNull();
        assertThat(site.asString()).startsWith("<!doctype html>").contains("<title>" + name + "</title>",
                "<h1>" + name + "</h1>", "Deployed with dotgit.");
        Response alias = api.site(name).get("/");
        assertThat(alias.statusCode()).isEqualTo(200);
        assertThat(alias.asByteArray()).isEqualTo(site.asByteArray());
        assertThat(api.site(name).get("/index.html").asByteArray()).isEqualTo(site.asByteArray());

        // 6. A branch the repository does not have: seed 004's error, naming the project.
        Response develop = api.admin().contentType(ContentType.JSON)
                .body(Api.json(Map.of("project_id", projectId, "branch", "develop"))).post("/v1/deployments");
        assertThat(develop.statusCode()).isEqualTo(400);
        assertApiHeaders(develop);
        assertGolden("errors/invalid-branch.json", develop, api, Map.of("project_id", projectId));
    }
}
