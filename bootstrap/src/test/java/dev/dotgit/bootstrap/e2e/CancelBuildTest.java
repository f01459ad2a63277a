package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertApiHeaders;
import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.BuildProcesses;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.domain.deployment.DeploymentId;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a deployment while its build runs stops every process of the build, for good. */
class CancelBuildTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    @TempDir
    Path pidDir;

    @AfterEach
    void killWhatTheBuildLeft() {
        BuildProcesses.killRecorded(pidDir);
    }

    @Test
    void cancelKillsTheWholeBuildTreeAndTheDeploymentStaysCancelled() {
        Api api = SERVER.api();
        String key = api.bootstrapKey();
        String projectId = api.createProject(key, "cancel-" + ServerSettings.randomAlphanumeric(8),
                BuildProcesses.LONG_BUILD_COMMAND, null).path("id");
        String deploymentId = api.deploy(key, projectId, Map.of(BuildProcesses.PID_DIR_VARIABLE, pidDir.toString()))
                .path("id");

        api.awaitStatus(key, deploymentId, "building");
        List<Long> pids = BuildProcesses.awaitRecorded(pidDir, Api.DEPLOYMENT_TIMEOUT);
        assertThat(pids).hasSize(2).allMatch(BuildProcesses::isRunning);

        Response cancelled = api.admin().post("/v1/deployments/" + deploymentId + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertApiHeaders(cancelled);
        assertGolden("deployments/cancel.response.json", cancelled, api,
                Map.of("deployment_id", deploymentId, "key_id", bootstrapKeyId()));

        await("every build process to be gone").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(pids).noneMatch(BuildProcesses::isRunning));
        // Once the pipeline has returned, nothing else touches the deployment.
        ActivePipelines pipelines = SERVER.server().context().getBean(ActivePipelines.class);
        await("the pipeline to end").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> !pipelines.isRunning(new DeploymentId(deploymentId)));
        // The log closed with the cancel: the build's last output, flushed after it, is not added.
        List<String> log = api.logMessages(key, deploymentId);
        assertThat(log.get(log.size() - 1)).isEqualTo("Deployment cancelled by " + bootstrapKeyId());
        Response after = api.deployment(key, deploymentId);
        assertThat(after.<String>path("status")).isEqualTo("cancelled");
        assertThat(after.<String>path("completed_at")).isNotNull();
        assertThat(api.site(deploymentId).get("/").statusCode()).isEqualTo(404);

        Response again = api.admin().post("/v1/deployments/" + deploymentId + "/cancel");
        assertThat(again.statusCode()).isEqualTo(409);
        assertApiHeaders(again);
        assertGolden("errors/deployment-not-cancellable.json", again, api, Map.of("id", deploymentId));
    }

    /** No v1 route lists keys, so the id of the configured bootstrap key is looked up where the server keeps it. */
    private static String bootstrapKeyId() {
        return SERVER.server().context().getBean(LoadApiKeyPort.class)
                .findBySecretHash(SERVER.server().settings().bootstrapKey().hash())
                .orElseThrow().id().value();
    }
}
