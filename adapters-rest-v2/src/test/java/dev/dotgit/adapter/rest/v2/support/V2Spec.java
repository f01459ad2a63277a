package dev.dotgit.adapter.rest.v2.support;

import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.deployment.DeploymentId;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the v2 HTTP test classes, mounted as {@code @Nested} classes of {@code V2ApiTest}
 * so that they share one embedded server; every test gets a fresh account.
 */
public abstract class V2Spec {

    private final Supplier<V2Api> server;
    protected V2Api api;
    protected TestPlatform platform;
    protected Tenant tenant;

    protected V2Spec(Supplier<V2Api> server) {
        this.server = server;
    }

    /** Runs the pipeline of one deployment on this thread, as the job scheduler would. */
    protected void runPipelineOf(String deploymentId) {
        platform.runPipeline.run(new DeploymentId(deploymentId));
    }

    @BeforeEach
    void connect() {
        api = server.get();
        platform = api.platform();
        tenant = api.newTenant();
    }
}
