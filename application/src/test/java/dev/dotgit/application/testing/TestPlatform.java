package dev.dotgit.application.testing;

import dev.dotgit.application.port.in.account.BootstrapPlatformUseCase;
import dev.dotgit.application.port.in.account.CreateAccountCommand;
import dev.dotgit.application.port.in.account.CreateAccountUseCase;
import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.application.port.in.apikey.CreateApiKeyUseCase;
import dev.dotgit.application.port.in.apikey.ListApiKeysQuery;
import dev.dotgit.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.dotgit.application.port.in.auth.AuthenticateOperatorUseCase;
import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.DeleteDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.application.port.in.deployment.ListDeploymentsQuery;
import dev.dotgit.application.port.in.deployment.ListPreviewsQuery;
import dev.dotgit.application.port.in.deployment.ReadDeploymentLogsQuery;
import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.in.git.FetchRepositoryUseCase;
import dev.dotgit.application.port.in.git.PushRepositoryUseCase;
import dev.dotgit.application.port.in.hosting.ServeSiteQuery;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.project.ArchiveProjectUseCase;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.in.project.GetProjectQuery;
import dev.dotgit.application.port.in.project.ListProjectsQuery;
import dev.dotgit.application.port.in.repository.CreateRepositoryUseCase;
import dev.dotgit.application.port.in.repository.GetRepositoryQuery;
import dev.dotgit.application.port.in.repository.ListRepositoriesQuery;
import dev.dotgit.application.port.in.webhook.CreateWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeleteWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeliveryOutcome;
import dev.dotgit.application.port.in.webhook.GetWebhookQuery;
import dev.dotgit.application.port.in.webhook.ListWebhookDeliveriesQuery;
import dev.dotgit.application.port.in.webhook.ListWebhooksQuery;
import dev.dotgit.application.port.in.webhook.RedeliverWebhookUseCase;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.DeleteServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.IssueAccessTokenUseCase;
import dev.dotgit.application.port.in.serviceaccount.ListServiceAccountsQuery;
import dev.dotgit.application.service.serviceaccount.AccessTokenSettings;
import dev.dotgit.application.service.serviceaccount.AccessTokens;
import dev.dotgit.application.service.serviceaccount.CreateServiceAccountService;
import dev.dotgit.application.service.serviceaccount.DeleteServiceAccountService;
import dev.dotgit.application.service.serviceaccount.IssueAccessTokenService;
import dev.dotgit.application.service.serviceaccount.ListServiceAccountsService;
import dev.dotgit.application.port.out.webhook.ResolveHostPort;
import dev.dotgit.application.port.out.webhook.SendWebhookPort;
import dev.dotgit.application.service.access.VisibleObjects;
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
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.application.service.account.BootstrapPlatformService;
import dev.dotgit.application.service.account.CreateAccountService;
import dev.dotgit.application.service.account.UpdateAccountService;
import dev.dotgit.application.service.ratelimit.ConsumeRateLimitService;
import dev.dotgit.application.service.apikey.CreateApiKeyService;
import dev.dotgit.application.service.apikey.ListApiKeysService;
import dev.dotgit.application.service.apikey.RevokeApiKeyService;
import dev.dotgit.application.service.auth.AuthenticateCallerService;
import dev.dotgit.application.service.auth.AuthenticateOperatorService;
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
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.application.service.pipeline.PipelineSettings;
import dev.dotgit.application.service.pipeline.RunDeploymentPipelineService;
import dev.dotgit.application.service.project.ArchiveProjectService;
import dev.dotgit.application.service.project.CreateProjectService;
import dev.dotgit.application.service.project.GetProjectService;
import dev.dotgit.application.service.project.ListProjectsService;
import dev.dotgit.application.service.repository.CreateRepositoryService;
import dev.dotgit.application.service.repository.GetRepositoryService;
import dev.dotgit.application.service.repository.ListRepositoriesService;
import dev.dotgit.application.service.repository.RepositoryProvisioning;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.deployment.DeploymentId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every use case of the application, wired over in-memory fakes: the same services the
 * server runs, with nothing real behind the ports. Application tests drive it directly;
 * adapter tests (a REST version, say) expose its use cases as beans.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String OPERATOR_TOKEN = "operator-token-for-tests";

    public final MutableClock clock = new MutableClock(TestData.T0);
    public final InMemoryPersistence store = new InMemoryPersistence();
    public final FakeSourceRepositories sources = new FakeSourceRepositories();
    public final FakeGitProtocol git = new FakeGitProtocol();
    public final RecordingPipelineScheduler scheduler = new RecordingPipelineScheduler();
    public final ScriptedBuilds builds = new ScriptedBuilds();
    public final InMemorySites sites = new InMemorySites();
    public final TempDirectoryWorkspaces workspaces;
    public final ActivePipelines activePipelines = new ActivePipelines();
    public final PlatformUrls urls = new PlatformUrls(URI.create("http://localhost:8080"), "localhost:8080");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-pipeline-timer");
        t.setDaemon(true);
        return t;
    });
    private final Set<DeploymentId> pipelinesRun = new CopyOnWriteArraySet<>();
    public final FakeHostResolver resolver = new FakeHostResolver();
    public final ScriptedWebhookSender webhookSender = new ScriptedWebhookSender();
    /** First retry after 30 s, then up to 1 h apart, for 3 days; the jitter draws 0.5. */
    public static final WebhookSettings WEBHOOK_SETTINGS = new WebhookSettings(
            new DeliveryRetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3)),
            Set.of("allowed.internal"));
    public final WebhookSettings webhookSettings;
    public final WebhookEvents webhookEvents;

    public final CreateProjectUseCase createProject;
    public final GetProjectQuery getProject;
    public final ListProjectsQuery listProjects;
    public final CreateRepositoryUseCase createRepository;
    public final GetRepositoryQuery getRepository;
    public final ListRepositoriesQuery listRepositories;
    public final TriggerDeploymentUseCase triggerDeployment;
    public final GetDeploymentQuery getDeployment;
    public final ListDeploymentsQuery listDeployments;
    public final CancelDeploymentUseCase cancelDeployment;
    public final DeleteDeploymentUseCase deleteDeployment;
    public final ReadDeploymentLogsQuery readDeploymentLogs;
    public final ListPreviewsQuery listPreviews;
    public final ArchiveProjectUseCase archiveProject;
    public final CreateApiKeyUseCase createApiKey;
    public final ListApiKeysQuery listApiKeys;
    public final RevokeApiKeyUseCase revokeApiKey;
    public final RunDeploymentPipelineUseCase runPipeline;
    public final AuthenticateCallerService authenticateCaller;
    /** Node-local buckets, as on the embedded database; storage work runs on the calling thread. */
    public final InMemoryTokenBuckets tokenBuckets = new InMemoryTokenBuckets(clock, false);
    public final ConsumeRateLimitService consumeRateLimit;
    public final AuthenticateOperatorUseCase authenticateOperator;
    public final CreateAccountUseCase createAccount;
    public final UpdateAccountUseCase updateAccount;
    public final BootstrapPlatformUseCase bootstrap;
    public final ServeSiteQuery serveSite;
    public final CreateWebhookUseCase createWebhook;
    public final ListWebhooksQuery listWebhooks;
    public final GetWebhookQuery getWebhook;
    public final DeleteWebhookUseCase deleteWebhook;
    public final ListWebhookDeliveriesQuery listWebhookDeliveries;
    public final RedeliverWebhookUseCase redeliverWebhook;
    public final DeliverWebhookUseCase deliverWebhook;
    public final FetchRepositoryUseCase fetchRepository;
    public final PushRepositoryUseCase pushRepository;
    public final InMemoryServiceAccounts serviceAccounts = new InMemoryServiceAccounts();
    public final HmacAccessTokens tokenSigner = new HmacAccessTokens();
    public final AccessTokens accessTokens;
    public final CreateServiceAccountUseCase createServiceAccount;
    public final ListServiceAccountsQuery listServiceAccounts;
    public final DeleteServiceAccountUseCase deleteServiceAccount;
    public final IssueAccessTokenUseCase issueAccessToken;

    public TestPlatform(Path workspaceRoot) {
        this(workspaceRoot, null, null, WEBHOOK_SETTINGS);
    }

    /**
     * With a real webhook sender and resolver (an adapter's test, say) instead of the fakes;
     * null keeps the fake.
     */
    public TestPlatform(Path workspaceRoot, SendWebhookPort sender, ResolveHostPort hostResolver,
                        WebhookSettings webhookSettings) {
        this.webhookSettings = webhookSettings;
        this.workspaces = new TempDirectoryWorkspaces(workspaceRoot);
        VisibleObjects visible = new VisibleObjects(store, store, store);
        RepositoryProvisioning provisioning = new RepositoryProvisioning(store, store, store, store, store, sources,
                clock);
        webhookEvents = new WebhookEvents(store, store, store, store, store, urls, clock);
        DeploymentUpdates updates = new DeploymentUpdates(store, store, store, store, webhookEvents);
        createProject = new CreateProjectService(store, store, store, visible, provisioning, clock);
        getProject = new GetProjectService(visible);
        listProjects = new ListProjectsService(store);
        createRepository = new CreateRepositoryService(provisioning);
        getRepository = new GetRepositoryService(visible);
        listRepositories = new ListRepositoriesService(store);
        triggerDeployment = new TriggerDeploymentService(store, visible, store, store, store, sources, scheduler,
                webhookEvents, clock);
        getDeployment = new GetDeploymentService(visible);
        listDeployments = new ListDeploymentsService(store);
        cancelDeployment = new CancelDeploymentService(visible, updates, activePipelines, clock);
        deleteDeployment = new DeleteDeploymentService(store, visible, store, store, store, sites, activePipelines,
                webhookEvents, clock);
        readDeploymentLogs = new ReadDeploymentLogsService(visible, store);
        listPreviews = new ListPreviewsService(visible, store);
        archiveProject = new ArchiveProjectService(visible, store, store, store);
        runPipeline = new RunDeploymentPipelineService(store, store, store, store, store, store, store, sources,
                workspaces, builds, sites, activePipelines, timer, urls,
                new PipelineSettings(Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(50), 1000),
                webhookEvents, clock);
        accessTokens = new AccessTokens(serviceAccounts, tokenSigner, tokenSigner, serviceAccounts,
                AccessTokenSettings.DEFAULTS, clock, Duration.ofSeconds(5));
        authenticateCaller = new AuthenticateCallerService(store, accessTokens, clock, Duration.ofSeconds(5));
        createServiceAccount = new CreateServiceAccountService(store, serviceAccounts, store, clock);
        listServiceAccounts = new ListServiceAccountsService(serviceAccounts);
        deleteServiceAccount = new DeleteServiceAccountService(serviceAccounts, serviceAccounts, store, accessTokens);
        issueAccessToken = new IssueAccessTokenService(serviceAccounts, accessTokens);
        createApiKey = new CreateApiKeyService(store, store, store, store, clock);
        listApiKeys = new ListApiKeysService(store);
        revokeApiKey = new RevokeApiKeyService(store, store, store, authenticateCaller, clock);
        authenticateOperator = new AuthenticateOperatorService(Optional.of(OPERATOR_TOKEN));
        createAccount = new CreateAccountService(store, store, store, clock);
        consumeRateLimit = new ConsumeRateLimitService(authenticateCaller, store, tokenBuckets, Runnable::run, clock,
                Duration.ofSeconds(5));
        updateAccount = new UpdateAccountService(store, store, store, consumeRateLimit);
        bootstrap = new BootstrapPlatformService(store, store, store, store, store, clock);
        serveSite = new ServeSiteService(urls, store, store, sites);
        WebhookTargets targets = new WebhookTargets(hostResolver == null ? resolver : hostResolver, webhookSettings);
        createWebhook = new CreateWebhookService(store, targets, store, clock);
        listWebhooks = new ListWebhooksService(store);
        getWebhook = new GetWebhookService(store);
        deleteWebhook = new DeleteWebhookService(store, store, store);
        listWebhookDeliveries = new ListWebhookDeliveriesService(store, store);
        redeliverWebhook = new RedeliverWebhookService(store, store, store, store, store, clock);
        deliverWebhook = new DeliverWebhookService(store, store, store, store, store, targets, sender == null ? webhookSender : sender, store,
                webhookSettings, () -> 0.5, clock);
        fetchRepository = new FetchRepositoryService(store, visible, git);
        pushRepository = new PushRepositoryService(store, visible, git, store, webhookEvents);
    }

    /**
     * Runs, on this thread, every delivery job due at the clock's time, as the job worker would:
     * a job whose attempt asks for a retry is put back at the time it names.
     *
     * @return the deliveries attempted
     */
    public List<WebhookDeliveryId> runDueDeliveries() {
        List<WebhookDeliveryId> due = store.takeDueDeliveryJobs(clock.instant());
        for (WebhookDeliveryId id : due) {
            DeliveryOutcome outcome = deliverWebhook.deliver(id);
            outcome.retryAt().ifPresent(at -> store.schedule(id, at));
        }
        return due;
    }

    /** A new account with an admin key; its secret authenticates against this platform. */
    public CreatedAccount newAccount(String slug) {
        return createAccount.create(CreateAccountCommand.of(slug, "pro", null));
    }

    /** The caller an admin key of a new account authenticates as. */
    public Caller adminOf(String slug) {
        return newAccount(slug).adminKey().asCaller();
    }

    /** Registers a key (built with {@link TestData#anApiKey()}) and returns its caller. */
    public Caller register(ApiKey key) {
        store.insert(key);
        return key.asCaller();
    }


    /** Runs, on this thread, every scheduled pipeline that has not run yet. */
    public void runScheduledPipelines() {
        List<DeploymentId> due = scheduler.scheduled();
        for (DeploymentId id : due) {
            if (pipelinesRun.add(id)) {
                runPipeline.run(id);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
