package dev.dotgit.adapter.rest.v3.support;

import dev.dotgit.adapter.rest.v3.http.ReadRoutes;
import dev.dotgit.application.port.in.apikey.CreateApiKeyUseCase;
import dev.dotgit.application.port.in.apikey.ListApiKeysQuery;
import dev.dotgit.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.project.ArchiveProjectUseCase;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.application.port.in.project.ListProjectsQuery;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * Every in-port v3 calls, served by the application's real use cases over in-memory fakes
 * ({@link TestPlatform}), in place of the beans bootstrap provides in the server.
 *
 * <p>Active only in its own environment: this class travels in the module's test-jar, and
 * must not add a second set of in-port beans to the tests of modules that reuse the jar.
 */
@Factory
@Requires(env = V3TestPlatformFactory.ENVIRONMENT)
public class V3TestPlatformFactory {

    public static final String ENVIRONMENT = "v3-adapter-test";

    private final Path workspaceRoot;

    public V3TestPlatformFactory() throws IOException {
        this.workspaceRoot = Files.createTempDirectory("dotgit-rest-v3-test");
    }

    @Singleton
    @Bean(preDestroy = "close")
    TestPlatform platform() {
        return new TestPlatform(workspaceRoot);
    }

    /** The authentication in-port, instrumented for tests (see InstrumentedAuthentication). */
    @Singleton
    InstrumentedAuthentication authenticateCaller(TestPlatform platform) {
        return new InstrumentedAuthentication(platform.authenticateCaller);
    }

    /**
     * v3 names the executor of its read routes; the server chooses it by storage. Here it is
     * the blocking executor, as on PostgreSQL, so these tests see reads off the event loop.
     */
    @Singleton
    @Named(ReadRoutes.EXECUTOR)
    ExecutorService reads(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return blocking;
    }

    @Singleton
    PlatformUrls urls(TestPlatform platform) {
        return platform.urls;
    }

    @Singleton
    CreateProjectUseCase createProject(TestPlatform platform) {
        return platform.createProject;
    }

    @Singleton
    GetProjectQuery getProject(TestPlatform platform) {
        return platform.getProject;
    }

    @Singleton
    ListProjectsQuery listProjects(TestPlatform platform) {
        return platform.listProjects;
    }

    @Singleton
    TriggerDeploymentUseCase triggerDeployment(TestPlatform platform) {
        return platform.triggerDeployment;
    }

    @Singleton
    GetDeploymentQuery getDeployment(TestPlatform platform) {
        return platform.getDeployment;
    }

    @Singleton
    ListDeploymentsQuery listDeployments(TestPlatform platform) {
        return platform.listDeployments;
    }

    @Singleton
    CancelDeploymentUseCase cancelDeployment(TestPlatform platform) {
        return platform.cancelDeployment;
    }

    @Singleton
    DeleteDeploymentUseCase deleteDeployment(TestPlatform platform) {
        return platform.deleteDeployment;
    }

    @Singleton
    ReadDeploymentLogsQuery readDeploymentLogs(TestPlatform platform) {
        return platform.readDeploymentLogs;
    }

    @Singleton
    ArchiveProjectUseCase archiveProject(TestPlatform platform) {
        return platform.archiveProject;
    }

    @Singleton
    CreateApiKeyUseCase createApiKey(TestPlatform platform) {
        return platform.createApiKey;
    }

    @Singleton
    ListApiKeysQuery listApiKeys(TestPlatform platform) {
        return platform.listApiKeys;
    }

    @Singleton
    RevokeApiKeyUseCase revokeApiKey(TestPlatform platform) {
        return platform.revokeApiKey;
    }

    @Singleton
    CreateWebhookUseCase createWebhook(TestPlatform platform) {
        return platform.createWebhook;
    }

    @Singleton
    ListWebhooksQuery listWebhooks(TestPlatform platform) {
        return platform.listWebhooks;
    }

    @Singleton
    GetWebhookQuery getWebhook(TestPlatform platform) {
        return platform.getWebhook;
    }

    @Singleton
    DeleteWebhookUseCase deleteWebhook(TestPlatform platform) {
        return platform.deleteWebhook;
    }

    @Singleton
    ListWebhookDeliveriesQuery listWebhookDeliveries(TestPlatform platform) {
        return platform.listWebhookDeliveries;
    }

    @Singleton
    RedeliverWebhookUseCase redeliverWebhook(TestPlatform platform) {
        return platform.redeliverWebhook;
    }

    @PreDestroy
    void deleteWorkspaceRoot() {
        try (Stream<Path> paths = Files.walk(workspaceRoot)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
