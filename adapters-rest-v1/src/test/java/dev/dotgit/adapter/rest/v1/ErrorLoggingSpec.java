package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dotgit.adapter.rest.v1.support.LogCapture;
import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.StorageUnavailable;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the server log shows: refusals a client caused are not failures of the server and
 * leave no ERROR; an unexpected failure is logged once, with the request id, while the client
 * learns nothing of its cause.
 */
abstract class ErrorLoggingSpec extends V1Spec {

    ErrorLoggingSpec(Supplier<V1Api> server) {
        super(server);
    }

    @Test
    void expectedErrorsLeaveNoErrorInTheLog() {
        String projectId = tenant.createProject(Tenant.uniqueName("web"));
        String live = tenant.deploy(projectId);
        runPipelineOf(live);
        String reader = tenant.key(Scope.READ);

        try (LogCapture log = new LogCapture()) {
            List<Integer> statuses = List.of(
                    tenant.admin().get("/v1/deployments/dep_0000000000").statusCode(),
                    tenant.admin().post("/v1/deployments/" + live + "/cancel").statusCode(),
                    tenant.admin().delete("/v1/deployments/" + live).statusCode(),
                    tenant.admin().contentType(ContentType.JSON)
                            .body("{\"project_id\":\"" + projectId + "\",\"branch\":\"develop\"}")
                            .post("/v1/deployments").statusCode(),
                    tenant.admin().contentType(ContentType.JSON).body("{\"branch\":\"main\",\"environment\":\"prod\"}")
                            .post("/v1/projects/" + projectId + "/deployments").statusCode(),
                    tenant.admin().contentType(ContentType.JSON).body("{}").post("/v1/deployments").statusCode(),
                    tenant.admin().contentType(ContentType.JSON).body("{").post("/v1/deployments").statusCode(),
                    api.anonymous().get("/v1/projects").statusCode(),
                    api.as("gsk_live_wrong").get("/v1/projects").statusCode(),
                    api.as(reader).contentType(ContentType.JSON).body("{\"name\":\"nope\"}").post("/v1/projects")
                            .statusCode(),
                    tenant.admin().get("/v1/unknown").statusCode(),
                    tenant.admin().delete("/v1/projects").statusCode(),
                    tenant.admin().contentType(ContentType.TEXT).body("x").post("/v1/projects").statusCode());

            assertThat(statuses).containsExactly(404, 409, 409, 400, 422, 400, 400, 401, 401, 403, 404, 405, 415);
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothingAndIsLoggedOnceWithTheRequestId() {
        api.authentication().failNextWith(new IllegalStateException(
                "connection to jdbc:postgresql://db.internal/dotgit as admin refused"));

        try (LogCapture log = new LogCapture()) {
            Response failed = tenant.admin().header("X-Request-Id", "req_unexpected01").get("/v1/projects");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.header("Api-Version")).isEqualTo("v1");
            assertMatches("errors/internal-error.json", failed.asString());
            assertThat(failed.asString()).doesNotContain("jdbc", "IllegalStateException", "dotgit.adapter", "at ");
            List<ILoggingEvent> errors = log.errors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getFormattedMessage()).contains("req_unexpected01").contains("GET /v1/projects");
            assertThat(errors.get(0).getThrowableProxy().getMessage()).contains("jdbc:postgresql");
        }
    }

    @Test
    void aStorageFailureIsA503() {
        api.authentication().failNextWith(new StorageUnavailable("loading API keys", new SQLException("timeout")));

        try (LogCapture log = new LogCapture()) {
            Response failed = tenant.admin().header("X-Request-Id", "req_storage00001").get("/v1/projects");

            assertThat(failed.statusCode()).isEqualTo(503);
            assertMatches("errors/service-unavailable.json", failed.asString());
            assertThat(failed.asString()).doesNotContain("timeout", "SQLException");
            assertThat(log.errors()).hasSize(1)
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()).contains("req_storage00001"));
        }
    }
}
