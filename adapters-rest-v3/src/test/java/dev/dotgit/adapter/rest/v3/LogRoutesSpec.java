package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code GET /v3/deployments/{id}/logs}: seed 000's shape with v3's unified pagination. */
abstract class LogRoutesSpec extends V3Spec {

    LogRoutesSpec(Supplier<V3Api> server) {
        super(server);
    }

    @Test
    void pagesThroughTheWholeLogInOrderWithoutOverlap() {
        String projectId = tenant.createProject();
        String id = tenant.deploy(projectId);
        runPipelineOf(id);
        List<String> everything = tenant.admin().queryParam("limit", 100).get("/v3/deployments/" + id + "/logs")
                .path("logs.msg");
        assertThat(everything.size()).as("the pipeline writes several lines").isGreaterThan(3);

        Response first = tenant.admin().queryParam("limit", 2).get("/v3/deployments/" + id + "/logs");
        assertThat(first.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("deployments/logs.response.json", first.asString(), Map.of("deployment_id", id));
        assertThat(first.header("X-Next-Cursor")).isEqualTo(first.<String>path("pagination.next_cursor"));
        assertThat(first.<String>path("logs[0].ts")).matches("[0-9]{10}");

        List<String> seen = new ArrayList<>(first.path("logs.msg"));
        String cursor = first.path("pagination.next_cursor");
        while (cursor != null) {
            Response page = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/v3/deployments/" + id + "/logs");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            seen.addAll(page.path("logs.msg"));
            cursor = page.path("pagination.next_cursor");
            assertThat(page.header("X-Next-Cursor")).isEqualTo(cursor);
        }
        assertThat(seen).isEqualTo(everything);
    }

    @Test
    void aLogCursorOfAnotherDeploymentIsRefused() {
        String projectId = tenant.createProject();
        String one = tenant.deploy(projectId);
        runPipelineOf(one);
        String other = tenant.deploy(projectId);
        runPipelineOf(other);
        String cursor = tenant.admin().queryParam("limit", 1).get("/v3/deployments/" + one + "/logs")
                .path("pagination.next_cursor");

        Response refused = tenant.admin().queryParam("cursor", cursor).get("/v3/deployments/" + other + "/logs");
        assertError(refused, 400, "invalid_cursor");
        GoldenJson.assertMatches("errors/invalid-cursor.json", refused.asString());
    }

    @Test
    void theLogOfAnUnknownDeploymentIsNotFound() {
        assertError(tenant.admin().get("/v3/deployments/dep_doesnotexist/logs"), 404, "not_found");
    }
}
