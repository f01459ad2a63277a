package dev.dotgit.adapter.rest.v3.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.deployment.DeploymentId;
import io.restassured.response.Response;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the v3 HTTP test classes, mounted as {@code @Nested} classes of {@code V3ApiTest} so
 * that they share one embedded server; every test gets a fresh account.
 */
public abstract class V3Spec {

    private final Supplier<V3Api> server;
    protected V3Api api;
    protected TestPlatform platform;
    protected Tenant tenant;

    protected V3Spec(Supplier<V3Api> server) {
        this.server = server;
    }

    /** Runs the pipeline of one deployment on this thread, as the job scheduler would. */
    protected void runPipelineOf(String deploymentId) {
        platform.runPipeline.run(new DeploymentId(deploymentId));
    }

    /** Asserts the v3 error shape, status and code, and that request_id is the X-Request-Id. */
    protected static Response assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.<String>path("error.code")).as(response.asString()).isEqualTo(code);
        assertThat(response.<String>path("error.message")).isNotBlank();
        assertThat(response.<Object>path("error.details")).isNotNull();
        assertThat(response.<String>path("error.request_id")).isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        assertThat(response.header("Api-Version")).isEqualTo("v3");
        return response;
    }

    @BeforeEach
    void connect() {
        api = server.get();
        platform = api.platform();
        tenant = api.newTenant();
    }
}
