package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.BuildProcesses;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server, three dialects of one set of objects: a project made through v1, a repository
 * made through v2 and deployments triggered through v3 are read back through the other two
 * versions, each answering in its own shape and vocabulary (v1 {@code success}, v2 {@code live}
 * with {@code progress}, v3 {@code running}/{@code live}).
 */
class CrossVersionTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private final Api api = SERVER.api();
    private final String key = api.bootstrapKey();

    @TempDir
    Path pidDir;

    @AfterEach
    void killLeftoverBuilds() {
        BuildProcesses.killRecorded(pidDir);
    }

    private Response post(String path, Map<String, ?> body) {
        return api.as(key).contentType(ContentType.JSON).body(Api.json(body)).post(path);
    }

    private Response get(String path) {
        return api.as(key).get(path);
    }

    private static Response created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response;
    }

    private static Response ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response;
    }

    private Response awaitV3Status(String deploymentId, String status) {
        await("v3 deployment " + deploymentId + " to be " + status).atMost(Api.DEPLOYMENT_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(get("/v3/deployments/" + deploymentId).path("status")));
        return ok(get("/v3/deployments/" + deploymentId));
    }

    @Test
    void objectsMadeInOneVersionReadBackInTheOtherTwo() {
        String suffix = ServerSettings.randomAlphanumeric(6).toLowerCase();

        // v1 makes a project (and with it its repository).
        Response v1Project = created(post("/v1/projects", Map.of("name", "xv-web-" + suffix, "framework", "static")));
        String webProject = v1Project.path("id");
        String webRepository = v1Project.path("repo_id");

        // v2 makes a repository (and with it its project).
        Response v2Repository = created(post("/v2/repositories",
                Map.of("name", "xv-api-" + suffix, "owner", "default", "description", "made in v2")));
        String apiRepository = v2Repository.path("id");
        assertThat(v2Repository.<String>path("full_name")).isEqualTo("default/xv-api-" + suffix);

        // v3 deploys both: the v1 project to production, the v2 repository's project as a preview.
        Response v3Web = created(post("/v3/projects/" + webProject + "/deployments", Map.of("environment",
                "production")));
        String webDeployment = v3Web.path("id");
        assertThat(v3Web.<String>path("status")).isEqualTo("queued");
        Response apiProjectInV3 = ok(get("/v3/projects?limit=100"));
        String apiProject = apiProjectInV3.<List<Map<String, Object>>>path("projects").stream()
                .filter(p -> ("xv-api-" + suffix).equals(p.get("name"))).map(p -> (String) p.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("v3 does not list the project of the v2 repository: "
                        + apiProjectInV3.asString()));
        String previewDeployment = created(post("/v3/projects/" + apiProject + "/deployments",
                Map.of("environment", "preview", "branch", "main"))).path("id");

        Response webLive = awaitV3Status(webDeployment, "live");
        Response previewLive = awaitV3Status(previewDeployment, "live");
        assertThat(webLive.<String>path("project_id")).isEqualTo(webProject);
        assertThat(previewLive.<String>path("environment")).isEqualTo("preview");

        // The v1 project, through v3 and (as its repository) through v2.
        Response webInV3 = ok(get("/v3/projects/" + webProject));
        assertThat(webInV3.<String>path("name")).isEqualTo("xv-web-" + suffix);
        assertThat(webInV3.<String>path("framework")).isEqualTo("static");
        assertThat(webInV3.<String>path("repo_id")).isEqualTo(webRepository);
        assertThat(webInV3.<String>path("status")).isEqualTo("active");
        assertThat(webInV3.<String>path("last_deploy")).isEqualTo(webLive.path("completed_at"));
        Response webRepositoryInV2 = ok(get("/v2/repositories/" + webRepository));
        assertThat(webRepositoryInV2.<String>path("full_name")).isEqualTo("default/xv-web-" + suffix);
        assertThat(webRepositoryInV2.<String>path("status")).isEqualTo("ready");
        assertThat(webRepositoryInV2.<String>path("default_branch")).isEqualTo("main");

        // The v2 repository, as its project, through v1 and v3.
        Response apiInV1 = ok(get("/v1/projects/" + apiProject));
        assertThat(apiInV1.<String>path("name")).isEqualTo("xv-api-" + suffix);
        assertThat(apiInV1.<String>path("repo_id")).isEqualTo(apiRepository);
        assertThat(ok(get("/v3/projects/" + apiProject)).<String>path("repo_id")).isEqualTo(apiRepository);

        // The v3 deployments through v1 (success) and v2 (live, progress 100).
        Response webInV1 = ok(get("/v1/deployments/" + webDeployment));
        assertThat(webInV1.<String>path("status")).isEqualTo("success");
        assertThat(webInV1.<String>path("project_id")).isEqualTo(webProject);
        assertThat(webInV1.<String>path("environment")).isEqualTo("production");
        assertThat(webInV1.<String>path("commit_sha")).isEqualTo(webLive.path("commit_sha"));
        assertThat(webInV1.<String>path("deploy_url")).isEqualTo(webLive.path("url"));
        Response webInV2 = ok(get("/v2/deployments/" + webDeployment));
        assertThat(webInV2.<String>path("status")).isEqualTo("live");
        assertThat(webInV2.<Integer>path("progress")).isEqualTo(100);
        assertThat(webInV2.<String>path("repo_id")).isEqualTo(webRepository);
        assertThat(webInV2.<String>path("env")).isEqualTo("production");
        assertThat(webInV2.<String>path("url")).isEqualTo(webLive.path("url"));
        assertThat(webInV2.<Integer>path("duration_ms")).isNotNull();

        Response previewInV1 = ok(get("/v1/deployments/" + previewDeployment));
        assertThat(previewInV1.<String>path("status")).isEqualTo("success");
        assertThat(previewInV1.<String>path("environment")).isEqualTo("preview");
        Response previewsInV2 = ok(get("/v2/repositories/" + apiRepository + "/previews"));
        assertThat(previewsInV2.<List<String>>path("data.deployment_id")).containsExactly(previewDeployment);
        assertThat(previewsInV2.<List<String>>path("data.status")).containsExactly("live");

        // Lists in each version's shape find the same objects.
        assertThat(ok(get("/v1/deployments?project_id=" + webProject)).<List<String>>path("data.id"))
                .containsExactly(webDeployment);
        assertThat(ok(get("/v2/deployments?repo_id=" + apiRepository)).<List<String>>path("data.id"))
                .containsExactly(previewDeployment);
        assertThat(ok(get("/v3/projects/" + webProject + "/deployments")).<List<String>>path("deployments.id"))
                .containsExactly(webDeployment);

        // One log, read through v1 and v3.
        List<String> v1Messages = api.logMessages(key, webDeployment);
        List<String> v3Messages = ok(get("/v3/deployments/" + webDeployment + "/logs?limit=100"))
                .path("logs.msg");
        assertThat(v3Messages).isNotEmpty().isEqualTo(v1Messages);
    }

    @Test
    void aBuildTriggeredInV3IsRunningThereBuildingInV1AndCancelledThroughV2() {
        String projectId = api.createProject(key, "xv-long-" + ServerSettings.randomAlphanumeric(6).toLowerCase(),
                BuildProcesses.LONG_BUILD_COMMAND, null).path("id");
        String deploymentId = created(post("/v3/projects/" + projectId + "/deployments",
                Map.of("environment", "staging", "env_vars",
                        Map.of(BuildProcesses.PID_DIR_VARIABLE, pidDir.toString())))).path("id");
        BuildProcesses.awaitRecorded(pidDir, Api.DEPLOYMENT_TIMEOUT);

        assertThat(ok(get("/v3/deployments/" + deploymentId)).<String>path("status")).isEqualTo("running");
        assertThat(ok(get("/v1/deployments/" + deploymentId)).<String>path("status")).isEqualTo("building");
        Response inV2 = ok(get("/v2/deployments/" + deploymentId));
        assertThat(inV2.<String>path("status")).isEqualTo("building");
        assertThat(inV2.<Integer>path("progress")).isBetween(1, 99);
        assertThat(ok(get("/v3/projects/" + projectId)).<String>path("status")).isEqualTo("building");

        Response cancelled = ok(api.as(key).post("/v2/deployments/" + deploymentId + "/cancel"));
        assertThat(cancelled.<String>path("status")).isEqualTo("cancelled");

        assertThat(ok(get("/v3/deployments/" + deploymentId)).<String>path("status")).isEqualTo("cancelled");
        Response inV1 = ok(get("/v1/deployments/" + deploymentId));
        assertThat(inV1.<String>path("status")).isEqualTo("cancelled");
        assertThat(inV1.<String>path("completed_at")).isNotNull();
        await("every build process to be gone").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(BuildProcesses.recorded(pidDir)).noneMatch(BuildProcesses::isRunning));
    }
}
