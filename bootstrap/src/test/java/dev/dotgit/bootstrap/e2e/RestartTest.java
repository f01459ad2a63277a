package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.BuildProcesses;
import dev.dotgit.bootstrap.e2e.support.ChildServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped in the middle of a build, by a crash or by its operator, loses no
 * deployment: on the next start the deployment ends {@code failed} with a reason that says
 * what happened, never stays active, and the server works on. Each server runs in a JVM of its
 * own over the same data directory (H2 file database, repositories, sites), as in production.
 */
class RestartTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** The heartbeat settings make a dead node's job look dead after 4 s; the rest is start-up and polling. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final String NODE_STOPPED =
            "The node running this deployment stopped before it finished; the deployment was abandoned. Deploy again.";
    private static final String SHUT_DOWN = "The server shut down during this deployment. Deploy again.";

    @TempDir
    Path work;

    private ServerSettings settings;
    private Path pidDir;
    private final List<ChildServer> servers = new ArrayList<>();

    /** A failed test shows what its servers printed: their files go with the test's temp dir. */
    @RegisterExtension
    final TestExecutionExceptionHandler attachServerOutput = (context, failure) -> {
        for (int i = 0; i < servers.size(); i++) {
            failure.addSuppressed(new ServerOutput("node-" + (i + 1), servers.get(i).output()));
        }
        throw failure;
    };

    @BeforeEach
    void settings() throws Exception {
        settings = ServerSettings.fresh(work.resolve("data"));
        pidDir = Files.createDirectory(work.resolve("pids"));
    }

    @AfterEach
    void killEverythingStarted() throws InterruptedException {
        for (ChildServer server : servers) {
            server.close();
        }
        BuildProcesses.killRecorded(pidDir);
    }

    @Test
    void aCrashMidBuildEndsTheDeploymentFailedAfterTheRestartAndTheServerWorksOn() throws Exception {
        Api api = start("node-1").api();
        String key = api.bootstrapKey();
        String projectId = api.createProject(key, "crash-" + ServerSettings.randomAlphanumeric(8),
                BuildProcesses.LONG_BUILD_COMMAND, null).path("id");
        String deploymentId = startLongBuild(api, projectId);
        List<Long> pids = BuildProcesses.awaitRecorded(pidDir, Api.DEPLOYMENT_TIMEOUT);

        servers.get(0).crash();
        // A real crash leaves the build running, now an orphan; it is stopped here, as an operator would.
        assertThat(pids).as("the build outlives a crashed server").allMatch(BuildProcesses::isRunning);
        BuildProcesses.killRecorded(pidDir);
        await().atMost(Duration.ofSeconds(10)).until(() -> pids.stream().noneMatch(BuildProcesses::isRunning));

        long restartedAt = System.nanoTime();
        start("node-2");
        assertThat(api.deployment(key, deploymentId).statusCode()).as("a deployment acknowledged before the crash"
                + " survives it").isEqualTo(200);
        Response failed = api.awaitFinalStatus(key, deploymentId, "failed");
        Duration recovery = Duration.ofNanos(System.nanoTime() - restartedAt);
        System.out.printf("crash recovery: deployment failed %d ms after the restart began%n", recovery.toMillis());
        assertThat(recovery).as("time from restart to the deployment failed").isLessThan(RECOVERY_LIMIT);
        assertThat(failed.<String>path("completed_at")).isNotNull();
        assertThat(api.logMessages(key, deploymentId)).last().isEqualTo(NODE_STOPPED);

        // Data written before the crash is all there, and the server deploys as before.
        assertThat(api.admin().get("/v1/projects/" + projectId).statusCode()).isEqualTo(200);
        String quickProject = api.createProject(key, "after-" + ServerSettings.randomAlphanumeric(8), null, null)
                .path("id");
        String next = api.deploy(key, quickProject, Map.of()).path("id");
        Response live = api.awaitFinalStatus(key, next, "success");
        assertThat(api.siteAt(live.path("deploy_url")).get("/").statusCode()).isEqualTo(200);
        assertThat(api.deployment(key, deploymentId).<String>path("status")).as("still failed").isEqualTo("failed");
    }

    @Test
    void aGracefulStopMidBuildStopsTheBuildAndTheDeploymentIsFailedWithTheShutdownReason() throws Exception {
        Api api = start("node-1").api();
        String key = api.bootstrapKey();
        String projectId = api.createProject(key, "stop-" + ServerSettings.randomAlphanumeric(8),
                BuildProcesses.LONG_BUILD_COMMAND, null).path("id");
        String deploymentId = startLongBuild(api, projectId);
        List<Long> pids = BuildProcesses.awaitRecorded(pidDir, Api.DEPLOYMENT_TIMEOUT);

        servers.get(0).stopGracefully(Duration.ofSeconds(60));
        assertThat(pids).as("no build process outlives a graceful stop").noneMatch(BuildProcesses::isRunning);

        start("node-2");
        assertThat(api.deployment(key, deploymentId).statusCode()).as("the deployment survives the stop")
                .isEqualTo(200);
        Response failed = api.awaitFinalStatus(key, deploymentId, "failed");
        assertThat(failed.<String>path("completed_at")).isNotNull();
        assertThat(api.logMessages(key, deploymentId)).last().isEqualTo(SHUT_DOWN);
        assertThat(api.admin().get("/v1/projects/" + projectId).statusCode()).as("the project survived the restart")
                .isEqualTo(200);
    }

    private ChildServer start(String name) {
        ChildServer server = ChildServer.start(settings, work, work.resolve(name + ".log"));
        servers.add(server);
        return server.awaitHealthy(START_TIMEOUT);
    }

    /** Not an error: carries a server's output into the report of a failed test. */
    private static final class ServerOutput extends Exception {
        ServerOutput(String node, String output) {
            super("output of " + node + ":\n" + output, null, false, false);
        }
    }

    private String startLongBuild(Api api, String projectId) {
        String deploymentId = api.deploy(api.bootstrapKey(), projectId,
                Map.of(BuildProcesses.PID_DIR_VARIABLE, pidDir.toString())).path("id");
        api.awaitStatus(api.bootstrapKey(), deploymentId, "building");
        return deploymentId;
    }
}
