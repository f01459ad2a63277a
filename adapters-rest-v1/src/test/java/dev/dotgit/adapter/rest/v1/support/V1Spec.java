package dev.dotgit.adapter.rest.v1.support;

import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.deployment.DeploymentId;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the v1 HTTP test classes. They are mounted as {@code @Nested} classes of
 * {@code V1ApiTest}, so that all of them share one embedded server instead of starting one
 * each; every test gets a fresh account, so tests sharing the server never see each other's
 * objects.
 */
public abstract class V1Spec {

    private final Supplier<V1Api> server;
    protected V1Api api;
    protected TestPlatform platform;
    protected Tenant tenant;

    protected V1Spec(Supplier<V1Api> server) {
        this.server = server;
    }

    /**
     * Runs the pipeline of one deployment on this thread, as the job scheduler would. Only
     * that one: the shared platform also holds the queued deployments of other tests.
     */
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
