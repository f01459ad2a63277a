package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dotgit.adapter.rest.v1.support.LogCapture;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real build: the command writes the site into {@code dist}, which is what gets published.
 * It sees the deployment's facts and its env vars, whose values never leave the build.
 */
class BuiltSiteTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    @Test
    void theSiteIsTheBuildsOutputDirectoryAndTheBuildSawTheSecretThatNothingShows() throws Exception {
        Api api = SERVER.api();
        String key = api.bootstrapKey();
        String secret = "tok-" + ServerSettings.randomAlphanumeric(28);
        String name = "built-" + ServerSettings.randomAlphanumeric(8);
        String command = "mkdir -p dist && echo \"<h1>built $DOTGIT_COMMIT_SHA</h1>\" > dist/index.html"
                + " && echo \"<p>token sha256 $(printf %s \"$DEPLOY_TOKEN\" | sha256sum | cut -d' ' -f1)</p>\""
                + " >> dist/index.html";
        List<Response> responses = new ArrayList<>();

        try (LogCapture serverLog = new LogCapture()) {
            Response project = api.createProject(key, name, command, "dist");
            responses.add(project);
            String projectId = project.path("id");
            Response created = api.deploy(key, projectId, Map.of("DEPLOY_TOKEN", secret));
            responses.add(created);
            String deploymentId = created.path("id");
            String commitSha = created.path("commit_sha");
            assertThat(commitSha).matches("[0-9a-f]{40}");

            Response finished = api.awaitFinalStatus(key, deploymentId, "success");
            responses.add(finished);
            responses.add(api.admin().queryParam("limit", 1000).get("/v1/deployments/" + deploymentId + "/logs"));
            responses.add(api.admin().get("/v1/deployments"));
            responses.add(api.admin().get("/v1/projects/" + projectId));

            Response site = api.siteAt(finished.path("deploy_url")).get("/");
            assertThat(site.statusCode()).isEqualTo(200);
            assertThat(site.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(site.header("Content-Security-Policy")).as("a site's own scripts and styles must work").isNull();
            assertThat(site.header("X-Frame-Options")).isNull();
            assertThat(site.asString()).isEqualTo("<h1>built " + commitSha + "</h1>\n<p>token sha256 "
                    + sha256(secret) + "</p>\n");
            assertThat(api.site(name).get("/").asString()).isEqualTo(site.asString());
            assertThat(api.siteAt(finished.path("deploy_url")).get("/README.md").statusCode())
                    .as("only the output directory is published").isEqualTo(404);
            assertThat(api.logMessages(key, deploymentId)).contains("Running build command: " + command,
                    "Publishing 'dist'");

            assertThat(responses).extracting(Response::statusCode).containsExactly(201, 201, 200, 200, 200, 200);
            for (Response response : responses) {
                assertThat(response.asString()).doesNotContain(secret);
                assertThat(response.headers().toString()).doesNotContain(secret);
            }
            assertThat(serverLog.events()).as("server log events").isNotEmpty()
                    .extracting(ILoggingEvent::getFormattedMessage).noneMatch(message -> message.contains(secret));
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
