package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertApiHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dotgit.adapter.rest.v1.golden.GoldenJson;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.Api.LogLine;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A build command that fails: the deployment fails with the reason, keeps the output, and serves nothing. */
class FailingBuildTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    @Test
    void aBuildThatExitsNonZeroFailsTheDeploymentWithItsOutputAndTheReason() {
        Api api = SERVER.api();
        String key = api.bootstrapKey();
        String name = "broken-" + ServerSettings.randomAlphanumeric(8);
        String command = "echo building; echo 'something broke' >&2; exit 3";
        String projectId = api.createProject(key, name, command, null).path("id");

        String deploymentId = api.deploy(key, projectId, Map.of()).path("id");
        Response failed = api.awaitFinalStatus(key, deploymentId, "failed");

        assertApiHeaders(failed);
        // The shape of a finished deployment, with v1's word for a failure.
        GoldenJson.assertMatchesJson(GoldenJson.fixture("deployments/get-succeeded.response.json")
                        .replace("\"status\": \"success\"", "\"status\": \"failed\"")
                        .replace("localhost:8080", api.hostingDomain()),
                failed.asString(), Map.of("deployment_id", deploymentId, "project_id", projectId),
                "a failed deployment");

        List<LogLine> log = api.logs(key, deploymentId);
        assertThat(log).extracting(LogLine::level, LogLine::message).contains(
                tuple("info", "Running build command: " + command),
                tuple("info", "building"),
                tuple("warn", "something broke"));
        assertThat(log).last().as("the last line gives the reason").extracting(LogLine::level, LogLine::message)
                .containsExactly("error", "Build command exited with code 3.");
        assertThat(log).extracting(LogLine::message).noneMatch(message -> message.startsWith("Publishing"));

        Response site = api.site(deploymentId).get("/");
        assertThat(site.statusCode()).isEqualTo(404);
        assertThat(site.contentType()).startsWith("text/html");
        assertThat(api.site(name).get("/").statusCode()).as("no production alias either").isEqualTo(404);
    }
}
