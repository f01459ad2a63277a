package dev.dotgit.adapter.rest.v2.support;

import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.ListPreviewsQuery;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.repository.CreateRepositoryUseCase;
import dev.dotgit.application.port.in.repository.GetRepositoryQuery;
import dev.dotgit.application.port.in.repository.ListRepositoriesQuery;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.DeleteServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.IssueAccessTokenUseCase;
import dev.dotgit.application.port.in.serviceaccount.ListServiceAccountsQuery;
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
 * Every in-port v2 calls, served by the application's real use cases over in-memory fakes
 * ({@link TestPlatform}), in place of the beans bootstrap provides in the server. Active only
 * in its own environment, so it never adds in-port beans to other modules' tests.
 */
@Factory
@Requires(env = V2TestPlatformFactory.ENVIRONMENT)
public class V2TestPlatformFactory {

    public static final String ENVIRONMENT = "v2-adapter-test";

    private final Path workspaceRoot;

    public V2TestPlatformFactory() throws IOException {
        this.workspaceRoot = Files.createTempDirectory("dotgit-rest-v2-test");
    }

    @Singleton
    @Bean(preDestroy = "close")
    TestPlatform platform() {
        return new TestPlatform(workspaceRoot);
    }

    /** The authentication in-port, whose next call a test can make fail (see FailingAuthentication). */
    @Singleton
    FailingAuthentication authenticateCaller(TestPlatform platform) {
        return new FailingAuthentication(platform.authenticateCaller);
    }

    /**
     * v2 names the executor of its read routes; the server chooses it by storage. Here it is
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
    CreateRepositoryUseCase createRepository(TestPlatform platform) {
        return platform.createRepository;
    }

    @Singleton
    GetRepositoryQuery getRepository(TestPlatform platform) {
        return platform.getRepository;
    }

    @Singleton
    ListRepositoriesQuery listRepositories(TestPlatform platform) {
        return platform.listRepositories;
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
    ListPreviewsQuery listPreviews(TestPlatform platform) {
        return platform.listPreviews;
    }

    @Singleton
    ReadDeploymentLogsQuery readDeploymentLogs(TestPlatform platform) {
        return platform.readDeploymentLogs;
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

    @Singleton
    CreateServiceAccountUseCase createServiceAccount(TestPlatform platform) {
        return platform.createServiceAccount;
    }

    @Singleton
    ListServiceAccountsQuery listServiceAccounts(TestPlatform platform) {
        return platform.listServiceAccounts;
    }

    @Singleton
    DeleteServiceAccountUseCase deleteServiceAccount(TestPlatform platform) {
        return platform.deleteServiceAccount;
    }

    @Singleton
    IssueAccessTokenUseCase issueAccessToken(TestPlatform platform) {
        return platform.issueAccessToken;
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
