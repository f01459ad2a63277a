package dev.dotgit.bootstrap;

import dev.dotgit.adapter.filesystem.DiskBuildWorkspaces;
import dev.dotgit.adapter.filesystem.DiskSiteStorage;
import dev.dotgit.adapter.git.JGitGitProtocol;
import dev.dotgit.adapter.git.JGitSourceRepositories;
import dev.dotgit.adapter.process.ChildProcessBuilds;
import dev.dotgit.adapter.jwt.JwtAccessTokens;
import dev.dotgit.adapter.webhooks.WebhooksConfiguration;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.build.RunBuildPort;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.ResolveHostPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SendWebhookPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.account.BootstrapPlatformService;
import dev.dotgit.application.service.account.CreateAccountService;
import dev.dotgit.application.service.account.UpdateAccountService;
import dev.dotgit.application.service.apikey.CreateApiKeyService;
import dev.dotgit.application.service.apikey.ListApiKeysService;
import dev.dotgit.application.service.apikey.RevokeApiKeyService;
import dev.dotgit.application.service.auth.AuthenticateCallerService;
import dev.dotgit.application.service.auth.AuthenticateOperatorService;
import dev.dotgit.application.service.auth.ThrottleFailedAuthenticationService;
import dev.dotgit.application.service.deployment.CancelDeploymentService;
import dev.dotgit.application.service.deployment.DeleteDeploymentService;
import dev.dotgit.application.service.deployment.DeploymentUpdates;
import dev.dotgit.application.service.deployment.GetDeploymentService;
import dev.dotgit.application.service.deployment.ListDeploymentsService;
import dev.dotgit.application.service.deployment.ListPreviewsService;
import dev.dotgit.application.service.deployment.ReadDeploymentLogsService;
import dev.dotgit.application.service.deployment.TriggerDeploymentService;
import dev.dotgit.application.service.git.FetchRepositoryService;
import dev.dotgit.application.service.git.PushRepositoryService;
import dev.dotgit.application.service.hosting.ServeSiteService;
import dev.dotgit.application.service.idempotency.ClaimIdempotencyKeyService;
import dev.dotgit.application.service.idempotency.CompleteIdempotentRequestService;
import dev.dotgit.application.service.idempotency.PurgeExpiredIdempotencyKeysService;
import dev.dotgit.application.service.idempotency.ReleaseIdempotencyKeyService;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.application.service.pipeline.RunDeploymentPipelineService;
import dev.dotgit.application.service.project.ArchiveProjectService;
import dev.dotgit.application.service.project.CreateProjectService;
import dev.dotgit.application.service.project.GetProjectService;
import dev.dotgit.application.service.project.ListProjectsService;
import dev.dotgit.application.service.ratelimit.ConsumeRateLimitService;
import dev.dotgit.application.service.repository.CreateRepositoryService;
import dev.dotgit.application.service.repository.GetRepositoryService;
import dev.dotgit.application.service.repository.ListRepositoriesService;
import dev.dotgit.application.service.repository.RepositoryProvisioning;
import dev.dotgit.application.service.serviceaccount.AccessTokens;
import dev.dotgit.application.service.serviceaccount.CreateServiceAccountService;
import dev.dotgit.application.service.serviceaccount.DeleteServiceAccountService;
import dev.dotgit.application.service.serviceaccount.IssueAccessTokenService;
import dev.dotgit.application.service.serviceaccount.ListServiceAccountsService;
import dev.dotgit.application.service.webhook.CreateWebhookService;
import dev.dotgit.application.service.webhook.DeleteWebhookService;
import dev.dotgit.application.service.webhook.DeliverWebhookService;
import dev.dotgit.application.service.webhook.GetWebhookService;
import dev.dotgit.application.service.webhook.ListWebhookDeliveriesService;
import dev.dotgit.application.service.webhook.ListWebhooksService;
import dev.dotgit.application.service.webhook.RedeliverWebhookService;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.application.service.webhook.WebhookSettings;
import dev.dotgit.application.service.webhook.WebhookTargets;
import dev.dotgit.domain.webhook.DeliveryRetryPolicy;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the framework-free core: every application service is constructed here from the
 * out-port beans the adapters provide, so that {@code application} carries no framework
 * annotation. Driven adapters that are plain Java (git, processes, disk) are constructed
 * here too, from the configured data directory.
 */
@Factory
class ApplicationFactory {

    @Singleton
    DotgitConfiguration configuration(Environment environment) {
        DotgitConfiguration configuration = DotgitConfiguration.from(environment);
        for (Path dir : new Path[] {configuration.dataDir(), configuration.repositoriesDir(),
                configuration.workspacesDir(), configuration.sitesDir()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dir, e);
            }
        }
        return configuration;
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PlatformUrls platformUrls(DotgitConfiguration configuration) {
        return configuration.urls();
    }

    // ---- plain-Java driven adapters ----

    @Singleton
    SourceRepositoryPort sourceRepositories(DotgitConfiguration configuration) {
        return new JGitSourceRepositories(configuration.repositoriesDir());
    }

    @Singleton
    ServeGitProtocolPort gitProtocol(DotgitConfiguration configuration) {
        return new JGitGitProtocol(configuration.repositoriesDir());
    }

    @Singleton
    RunBuildPort builds() {
        return new ChildProcessBuilds();
    }

    @Singleton
    BuildWorkspacePort workspaces(DotgitConfiguration configuration) {
        return new DiskBuildWorkspaces(configuration.workspacesDir());
    }

    @Singleton
    SiteStoragePort sites(DotgitConfiguration configuration) {
        return new DiskSiteStorage(configuration.sitesDir());
    }

    // ---- shared pieces of the core ----

    @Singleton
    ActivePipelines activePipelines() {
        return new ActivePipelines();
    }

    /** Cancellation checks and log flushing of running pipelines; two threads suffice for both. */
    @Singleton
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService pipelineTimer() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "pipeline-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    VisibleObjects visibleObjects(LoadProjectPort projects, LoadRepositoryPort repositories,
                                  LoadDeploymentPort deployments) {
        return new VisibleObjects(projects, repositories, deployments);
    }

    @Singleton
    RepositoryProvisioning repositoryProvisioning(RunInTransactionPort transactions, LoadRepositoryPort repositories,
                                                  SaveRepositoryPort saveRepositories, LoadProjectPort projects,
                                                  SaveProjectPort saveProjects, SourceRepositoryPort sources,
                                                  Clock clock) {
        return new RepositoryProvisioning(transactions, repositories, saveRepositories, projects, saveProjects,
                sources, clock);
    }

    @Singleton
    DeploymentUpdates deploymentUpdates(RunInTransactionPort transactions, LoadDeploymentPort deployments,
                                        SaveDeploymentPort saveDeployments, AppendDeploymentLogPort logs,
                                        WebhookEvents webhookEvents) {
        return new DeploymentUpdates(transactions, deployments, saveDeployments, logs, webhookEvents);
    }

    // ---- webhooks ----

    @Singleton
    WebhookSettings webhookSettings(WebhooksConfiguration configuration) {
        return new WebhookSettings(new DeliveryRetryPolicy(configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay(), configuration.getRetryFor()), configuration.allowedHostSet());
    }

    @Singleton
    WebhookTargets webhookTargets(ResolveHostPort resolver, WebhookSettings settings) {
        return new WebhookTargets(resolver, settings);
    }

    @Singleton
    WebhookEvents webhookEvents(RunInTransactionPort transactions, LoadWebhookPort webhooks, WebhookOutboxPort outbox,
                                ScheduleWebhookDeliveryPort deliveries, LoadProjectPort projects, PlatformUrls urls,
                                Clock clock) {
        return new WebhookEvents(transactions, webhooks, outbox, deliveries, projects, urls, clock);
    }

    @Singleton
    CreateWebhookService createWebhook(SaveWebhookPort webhooks, WebhookTargets targets,
                                       RunInTransactionPort transactions, Clock clock) {
        return new CreateWebhookService(webhooks, targets, transactions, clock);
    }

    @Singleton
    ListWebhooksService listWebhooks(LoadWebhookPort webhooks) {
        return new ListWebhooksService(webhooks);
    }

    @Singleton
    GetWebhookService getWebhook(LoadWebhookPort webhooks) {
        return new GetWebhookService(webhooks);
    }

    @Singleton
    DeleteWebhookService deleteWebhook(LoadWebhookPort webhooks, SaveWebhookPort saveWebhooks,
                                       RunInTransactionPort transactions) {
        return new DeleteWebhookService(webhooks, saveWebhooks, transactions);
    }

    @Singleton
    ListWebhookDeliveriesService listWebhookDeliveries(LoadWebhookPort webhooks,
                                                       LoadWebhookDeliveryPort deliveries) {
        return new ListWebhookDeliveriesService(webhooks, deliveries);
    }

    @Singleton
    RedeliverWebhookService redeliverWebhook(LoadWebhookPort webhooks, LoadWebhookDeliveryPort deliveries,
                                             SaveWebhookDeliveryPort saveDeliveries,
                                             ScheduleWebhookDeliveryPort scheduler, RunInTransactionPort transactions,
                                             Clock clock) {
        return new RedeliverWebhookService(webhooks, deliveries, saveDeliveries, scheduler, transactions, clock);
    }

    @Singleton
    @SuppressWarnings("checkstyle:ParameterNumber")
    DeliverWebhookService deliverWebhook(LoadWebhookDeliveryPort deliveries, SaveWebhookDeliveryPort saveDeliveries,
                                         LoadWebhookPort webhooks, SaveWebhookPort saveWebhooks,
                                         WebhookOutboxPort outbox, WebhookTargets targets, SendWebhookPort sender,
                                         RunInTransactionPort transactions, WebhookSettings settings, Clock clock) {
        SecureRandom jitter = new SecureRandom();
        return new DeliverWebhookService(deliveries, saveDeliveries, webhooks, saveWebhooks, outbox, targets, sender,
                transactions, settings, jitter::nextDouble, clock);
    }

    // ---- use cases ----

    @Singleton
    CreateProjectService createProject(RunInTransactionPort transactions, LoadProjectPort projects,
                                       SaveProjectPort saveProjects, VisibleObjects visible,
                                       RepositoryProvisioning provisioning, Clock clock) {
        return new CreateProjectService(transactions, projects, saveProjects, visible, provisioning, clock);
    }

    @Singleton
    GetProjectService getProject(VisibleObjects visible) {
        return new GetProjectService(visible);
    }

    @Singleton
    ListProjectsService listProjects(LoadProjectPort projects) {
        return new ListProjectsService(projects);
    }

    @Singleton
    CreateRepositoryService createRepository(RepositoryProvisioning provisioning) {
        return new CreateRepositoryService(provisioning);
    }

    @Singleton
    GetRepositoryService getRepository(VisibleObjects visible) {
        return new GetRepositoryService(visible);
    }

    @Singleton
    ListRepositoriesService listRepositories(LoadRepositoryPort repositories) {
        return new ListRepositoriesService(repositories);
    }

    @Singleton
    FetchRepositoryService fetchRepository(LoadRepositoryPort repositories, VisibleObjects visible,
                                           ServeGitProtocolPort git) {
        return new FetchRepositoryService(repositories, visible, git);
    }

    @Singleton
    PushRepositoryService pushRepository(LoadRepositoryPort repositories, VisibleObjects visible,
                                         ServeGitProtocolPort git, RunInTransactionPort transactions,
                                         WebhookEvents webhookEvents) {
        return new PushRepositoryService(repositories, visible, git, transactions, webhookEvents);
    }

    @Singleton
    TriggerDeploymentService triggerDeployment(RunInTransactionPort transactions, VisibleObjects visible,
                                               LoadProjectPort projects, SaveDeploymentPort saveDeployments,
                                               AppendDeploymentLogPort logs, SourceRepositoryPort sources,
                                               SchedulePipelinePort pipelines, WebhookEvents webhookEvents,
                                               Clock clock) {
        return new TriggerDeploymentService(transactions, visible, projects, saveDeployments, logs, sources, pipelines,
                webhookEvents, clock);
    }

    @Singleton
    GetDeploymentService getDeployment(VisibleObjects visible) {
        return new GetDeploymentService(visible);
    }

    @Singleton
    ListDeploymentsService listDeployments(LoadDeploymentPort deployments) {
        return new ListDeploymentsService(deployments);
    }

    @Singleton
    CancelDeploymentService cancelDeployment(VisibleObjects visible, DeploymentUpdates updates,
                                             ActivePipelines activePipelines, Clock clock) {
        return new CancelDeploymentService(visible, updates, activePipelines, clock);
    }

    @Singleton
    DeleteDeploymentService deleteDeployment(RunInTransactionPort transactions, VisibleObjects visible,
                                             LoadDeploymentPort deployments, DeleteDeploymentPort deleteDeployments,
                                             LoadProjectPort projects, SiteStoragePort sites,
                                             ActivePipelines activePipelines, WebhookEvents webhookEvents,
                                             Clock clock) {
        return new DeleteDeploymentService(transactions, visible, deployments, deleteDeployments, projects, sites,
                activePipelines, webhookEvents, clock);
    }

    @Singleton
    ReadDeploymentLogsService readDeploymentLogs(VisibleObjects visible, LoadDeploymentLogPort logs) {
        return new ReadDeploymentLogsService(visible, logs);
    }

    @Singleton
    ListPreviewsService listPreviews(VisibleObjects visible, LoadDeploymentPort deployments) {
        return new ListPreviewsService(visible, deployments);
    }

    @Singleton
    ArchiveProjectService archiveProject(VisibleObjects visible, LoadProjectPort projects,
                                         SaveProjectPort saveProjects, RunInTransactionPort transactions) {
        return new ArchiveProjectService(visible, projects, saveProjects, transactions);
    }

    @Singleton
    CreateApiKeyService createApiKey(LoadProjectPort projects, LoadApiKeyPort issuers, SaveApiKeyPort keys,
                                     RunInTransactionPort transactions, Clock clock) {
        return new CreateApiKeyService(projects, issuers, keys, transactions, clock);
    }

    @Singleton
    ListApiKeysService listApiKeys(LoadApiKeyPort keys) {
        return new ListApiKeysService(keys);
    }

    @Singleton
    RevokeApiKeyService revokeApiKey(LoadApiKeyPort keys, SaveApiKeyPort saveKeys, RunInTransactionPort transactions,
                                     AuthenticateCallerService authentication, Clock clock) {
        return new RevokeApiKeyService(keys, saveKeys, transactions, authentication, clock);
    }

    @Singleton
    @SuppressWarnings("checkstyle:ParameterNumber")
    RunDeploymentPipelineService runDeploymentPipeline(RunInTransactionPort transactions,
                                                       LoadDeploymentPort deployments,
                                                       SaveDeploymentPort saveDeployments,
                                                       AppendDeploymentLogPort logs, LoadProjectPort projects,
                                                       SaveProjectPort saveProjects,
                                                       LoadRepositoryPort repositories, SourceRepositoryPort sources,
                                                       BuildWorkspacePort workspaces, RunBuildPort builds,
                                                       SiteStoragePort sites, ActivePipelines activePipelines,
                                                       ScheduledExecutorService pipelineTimer, PlatformUrls urls,
                                                       DotgitConfiguration configuration,
                                                       WebhookEvents webhookEvents, Clock clock) {
        return new RunDeploymentPipelineService(transactions, deployments, saveDeployments, logs, projects,
                saveProjects, repositories, sources, workspaces, builds, sites, activePipelines, pipelineTimer, urls,
                configuration.pipeline(), webhookEvents, clock);
    }

    @Singleton
    AuthenticateCallerService authenticateCaller(LoadApiKeyPort keys, AccessTokens accessTokens, Clock clock,
                                                 DotgitConfiguration configuration) {
        return new AuthenticateCallerService(keys, accessTokens, clock, configuration.apiKeyCacheTtl());
    }

    @Singleton
    ThrottleFailedAuthenticationService throttleFailedAuthentication(Clock clock, DotgitConfiguration configuration) {
        DotgitConfiguration.FailedAuthenticationLimit limit = configuration.failedAuthentication();
        return new ThrottleFailedAuthenticationService(clock, limit.maxFailures(), limit.window(), limit.blockFor());
    }

    @Singleton
    AuthenticateOperatorService authenticateOperator(DotgitConfiguration configuration) {
        return new AuthenticateOperatorService(configuration.operatorToken());
    }

    @Singleton
    CreateAccountService createAccount(RunInTransactionPort transactions, SaveAccountPort accounts,
                                       SaveApiKeyPort keys, Clock clock) {
        return new CreateAccountService(transactions, accounts, keys, clock);
    }

    @Singleton
    UpdateAccountService updateAccount(RunInTransactionPort transactions, LoadAccountPort accounts,
                                       SaveAccountPort saveAccounts, ConsumeRateLimitService rateLimits) {
        return new UpdateAccountService(transactions, accounts, saveAccounts, rateLimits);
    }

    @Singleton
    BootstrapPlatformService bootstrapPlatform(RunInTransactionPort transactions, LoadAccountPort accounts,
                                               SaveAccountPort saveAccounts, LoadApiKeyPort keys,
                                               SaveApiKeyPort saveKeys, Clock clock) {
        return new BootstrapPlatformService(transactions, accounts, saveAccounts, keys, saveKeys, clock);
    }

    @Singleton
    ServeSiteService serveSite(PlatformUrls urls, LoadDeploymentPort deployments, LoadProjectPort projects,
                               SiteStoragePort sites) {
        return new ServeSiteService(urls, deployments, projects, sites);
    }

    // ---- idempotency keys (used by bootstrap's IdempotencyFilter) ----

    @Singleton
    ClaimIdempotencyKeyService claimIdempotencyKey(ClaimIdempotencyKeyPort keys, RunInTransactionPort transactions,
                                                   Clock clock) {
        return new ClaimIdempotencyKeyService(keys, transactions, clock);
    }

    @Singleton
    CompleteIdempotentRequestService completeIdempotentRequest(ClaimIdempotencyKeyPort keys, Clock clock) {
        return new CompleteIdempotentRequestService(keys, clock);
    }

    @Singleton
    ReleaseIdempotencyKeyService releaseIdempotencyKey(ClaimIdempotencyKeyPort keys) {
        return new ReleaseIdempotencyKeyService(keys);
    }

    // ---- service accounts and their access tokens ----

    @Singleton
    JwtAccessTokens jwtAccessTokens() {
        return new JwtAccessTokens();
    }

    /** Service accounts are cached for as long as API keys, so a deletion reaches every node as soon as a revocation. */
    @Singleton
    AccessTokens accessTokens(TokenSigningKeyPort signingKeys, JwtAccessTokens tokens,
                              LoadServiceAccountPort serviceAccounts, DotgitConfiguration configuration, Clock clock) {
        return new AccessTokens(signingKeys, tokens, tokens, serviceAccounts, configuration.accessTokens(), clock,
                configuration.apiKeyCacheTtl());
    }

    @Singleton
    CreateServiceAccountService createServiceAccount(LoadProjectPort projects, SaveServiceAccountPort serviceAccounts,
                                                     RunInTransactionPort transactions, Clock clock) {
        return new CreateServiceAccountService(projects, serviceAccounts, transactions, clock);
    }

    @Singleton
    ListServiceAccountsService listServiceAccounts(LoadServiceAccountPort serviceAccounts) {
        return new ListServiceAccountsService(serviceAccounts);
    }

    @Singleton
    DeleteServiceAccountService deleteServiceAccount(LoadServiceAccountPort serviceAccounts,
                                                     SaveServiceAccountPort saveServiceAccounts,
                                                     RunInTransactionPort transactions, AccessTokens accessTokens) {
        return new DeleteServiceAccountService(serviceAccounts, saveServiceAccounts, transactions, accessTokens);
    }

    @Singleton
    IssueAccessTokenService issueAccessToken(LoadServiceAccountPort serviceAccounts, AccessTokens accessTokens) {
        return new IssueAccessTokenService(serviceAccounts, accessTokens);
    }

    /** Run by the scheduler's recurring {@code idempotency-key-purge} task. */
    @Singleton
    PurgeExpiredIdempotencyKeysService purgeExpiredIdempotencyKeys(PurgeExpiredIdempotencyKeysPort keys,
                                                                   RunInTransactionPort transactions, Clock clock) {
        return new PurgeExpiredIdempotencyKeysService(keys, transactions, clock,
                PurgeExpiredIdempotencyKeysService.DEFAULT_BATCH_SIZE);
    }

    // ---- rate limits (used by bootstrap's RateLimitFilter) ----

    @Singleton
    RateLimitSettings rateLimitSettings(Environment environment) {
        return RateLimitSettings.from(environment);
    }

    /**
     * The rate limiter's storage work (key lookups it has not cached, account reads, shared-bucket
     * top-ups): a few threads of its own, so that requests never wait on the database on an event
     * loop, and a slow database cannot make the limiter start threads without bound.
     */
    @Singleton
    @Named("rate-limit-storage")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService rateLimitStorage() {
        return Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-storage");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    ConsumeRateLimitService consumeRateLimit(AuthenticateCallerService authentication, LoadAccountPort accounts,
                                             TakeRateLimitTokensPort buckets,
                                             @Named("rate-limit-storage") ExecutorService storageWork, Clock clock,
                                             DotgitConfiguration configuration) {
        // Same cache time as API keys: a key revoked or an account changed on another node is seen within it.
        return new ConsumeRateLimitService(authentication, accounts, buckets, storageWork, clock,
                configuration.apiKeyCacheTtl());
    }
}
