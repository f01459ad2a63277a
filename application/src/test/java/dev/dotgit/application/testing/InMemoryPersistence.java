package dev.dotgit.application.testing;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.DeploymentQuery;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.ProjectFilter;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.RepositoryFilter;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.IdempotencyRecord;
import dev.dotgit.domain.idempotency.StoredResponse;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every persistence out-port in memory, for use-case and adapter tests. Transactions are
 * serialised by one lock and roll back by restoring a snapshot taken when the outermost
 * transaction began, so rollback behaviour can be tested too. It honours the same port
 * contracts as the database adapter (the contract tests run against both).
 */
public final class InMemoryPersistence implements RunInTransactionPort, LoadAccountPort, SaveAccountPort,
        LoadApiKeyPort, SaveApiKeyPort, LoadProjectPort, SaveProjectPort, LoadRepositoryPort, SaveRepositoryPort,
        LoadDeploymentPort, SaveDeploymentPort, DeleteDeploymentPort, AppendDeploymentLogPort,
        LoadDeploymentLogPort, LoadWebhookPort, SaveWebhookPort, WebhookOutboxPort, LoadWebhookDeliveryPort,
        SaveWebhookDeliveryPort, ScheduleWebhookDeliveryPort, ClaimIdempotencyKeyPort,
        PurgeExpiredIdempotencyKeysPort {

    private static final Comparator<Instant> NEWEST = Comparator.reverseOrder();

    private final ReentrantLock lock = new ReentrantLock();
    private State state = new State();

    private static final class State {
        final Map<AccountSlug, Account> accounts = new LinkedHashMap<>();
        final Map<String, ApiKey> keysByHash = new LinkedHashMap<>();
        final Map<ProjectId, Project> projects = new LinkedHashMap<>();
        final Map<RepositoryId, Repository> repositories = new LinkedHashMap<>();
        final Map<DeploymentId, Deployment> deployments = new LinkedHashMap<>();
        final Map<DeploymentId, List<LogLine>> logs = new HashMap<>();
        final Map<WebhookId, WebhookSubscription> webhooks = new LinkedHashMap<>();
        final Map<WebhookEventId, WebhookEvent> events = new LinkedHashMap<>();
        final Map<WebhookDeliveryId, WebhookDelivery> deliveries = new LinkedHashMap<>();
        /** Delivery jobs, as the job table holds them: they commit and roll back with everything else. */
        final Map<WebhookDeliveryId, Instant> deliveryJobs = new LinkedHashMap<>();
        final Map<IdempotencySlot, IdempotencyRecord> idempotencyKeys = new HashMap<>();

        State copy() {
            State c = new State();
            c.accounts.putAll(accounts);
            c.keysByHash.putAll(keysByHash);
            c.projects.putAll(projects);
            c.repositories.putAll(repositories);
            c.deployments.putAll(deployments);
            logs.forEach((k, v) -> c.logs.put(k, new ArrayList<>(v)));
            c.webhooks.putAll(webhooks);
            c.events.putAll(events);
            c.deliveries.putAll(deliveries);
            c.deliveryJobs.putAll(deliveryJobs);
            c.idempotencyKeys.putAll(idempotencyKeys);
            return c;
        }
    }

    // ---- transactions ----

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            State snapshot = state.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                state = snapshot;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- accounts ----

    @Override
    public Optional<Account> findBySlug(AccountSlug slug) {
        return locked(() -> Optional.ofNullable(state.accounts.get(slug)));
    }

    @Override
    public boolean anyAccountExists() {
        return locked(() -> !state.accounts.isEmpty());
    }

    @Override
    public Account insert(Account account) {
        return locked(() -> {
            if (state.accounts.containsKey(account.slug())) {
                throw new AlreadyExists("account", "slug", account.slug().value());
            }
            Account stored = account.withVersion(0);
            state.accounts.put(account.slug(), stored);
            return stored;
        });
    }

    @Override
    public Account update(Account account) {
        return locked(() -> {
            Account current = state.accounts.get(account.slug());
            if (current == null) {
                throw new NotFound("account", account.slug().value());
            }
            if (current.version() != account.version()) {
                throw new ConcurrentModification("account", account.slug().value());
            }
            Account stored = account.withVersion(account.version() + 1);
            state.accounts.put(account.slug(), stored);
            return stored;
        });
    }

    // ---- api keys ----

    @Override
    public Optional<ApiKey> findBySecretHash(SecretHash hash) {
        return locked(() -> Optional.ofNullable(state.keysByHash.get(hash.hex())));
    }

    @Override
    public Optional<ApiKey> findById(AccountSlug account, ApiKeyId id) {
        return locked(() -> state.keysByHash.values().stream()
                .filter(key -> key.id().equals(id) && key.account().equals(account))
                .findFirst());
    }

    @Override
    public Page<ApiKey> listActive(AccountSlug account, PageRequest page) {
        return locked(() -> page(state.keysByHash.values().stream()
                .filter(key -> key.account().equals(account) && key.revokedAt() == null),
                ApiKey::createdAt, key -> key.id().value(), page));
    }

    @Override
    public boolean revoke(ApiKey key, Instant at) {
        return locked(() -> {
            ApiKey current = state.keysByHash.get(key.secretHash().hex());
            if (current == null || current.revokedAt() != null) {
                return false;
            }
            state.keysByHash.put(key.secretHash().hex(), current.revoke(at));
            return true;
        });
    }

    @Override
    public ApiKey insert(ApiKey key) {
        return locked(() -> {
            if (state.keysByHash.containsKey(key.secretHash().hex())) {
                throw new AlreadyExists("api_key", "secret", key.lastFour());
            }
            state.keysByHash.put(key.secretHash().hex(), key);
            return key;
        });
    }

    // ---- projects ----

    @Override
    public Optional<Project> findById(AccountSlug account, ProjectId id) {
        return locked(() -> Optional.ofNullable(state.projects.get(id)).filter(p -> p.account().equals(account)));
    }

    @Override
    public Optional<Project> findByName(AccountSlug account, String name) {
        return locked(() -> state.projects.values().stream()
                .filter(p -> p.account().equals(account) && sameName(p.name().value(), name)).findFirst());
    }

    @Override
    public Optional<Project> findByRepository(AccountSlug account, RepositoryId repository) {
        return locked(() -> state.projects.values().stream()
                .filter(p -> p.account().equals(account) && p.repository().equals(repository))
                .min(Comparator.comparing(Project::createdAt).thenComparing(p -> p.id().value())));
    }

    @Override
    public Optional<Project> findSiteAliasOwner(String label) {
        return locked(() -> state.projects.values().stream()
                .filter(p -> p.siteLabel().equals(label))
                .min(Comparator.comparing(Project::createdAt).thenComparing(p -> p.id().value())));
    }

    @Override
    public Optional<ProjectOverview> findOverview(AccountSlug account, ProjectId id) {
        return locked(() -> findById(account, id).map(this::overview));
    }

    @Override
    public Page<ProjectOverview> list(ProjectFilter filter, PageRequest page) {
        return locked(() -> page(state.projects.values().stream()
                .filter(p -> p.account().equals(filter.account()))
                .filter(p -> filter.onlyProjects().isEmpty() || filter.onlyProjects().contains(p.id()))
                .map(this::overview)
                .filter(o -> filter.status().isEmpty() || o.reportedStatus() == filter.status().get()),
                o -> o.project().createdAt(), o -> o.project().id().value(), page));
    }

    private ProjectOverview overview(Project project) {
        boolean building = state.deployments.values().stream()
                .anyMatch(d -> d.project().equals(project.id()) && d.isActive());
        return new ProjectOverview(project, building);
    }

    @Override
    public Project insert(Project project) {
        return locked(() -> {
            if (findByName(project.account(), project.name().value()).isPresent()) {
                throw new AlreadyExists("project", "name", project.name().value());
            }
            Project stored = project.withVersion(0);
            state.projects.put(project.id(), stored);
            return stored;
        });
    }

    @Override
    public Project update(Project project) {
        return locked(() -> {
            Project current = state.projects.get(project.id());
            if (current == null) {
                throw new NotFound("project", project.id().value());
            }
            if (current.version() != project.version()) {
                throw new ConcurrentModification("project", project.id().value());
            }
            Project stored = project.withVersion(project.version() + 1);
            state.projects.put(project.id(), stored);
            return stored;
        });
    }

    // ---- repositories ----

    @Override
    public Optional<Repository> findById(AccountSlug owner, RepositoryId id) {
        return locked(() -> Optional.ofNullable(state.repositories.get(id)).filter(r -> r.owner().equals(owner)));
    }

    @Override
    public Optional<Repository> findByOwnerAndName(AccountSlug owner, String name) {
        return locked(() -> state.repositories.values().stream()
                .filter(r -> r.owner().equals(owner) && sameName(r.name().value(), name)).findFirst());
    }

    @Override
    public Page<Repository> list(RepositoryFilter filter, PageRequest page) {
        return locked(() -> {
            Predicate<Repository> visible = r -> filter.onlyProjects().isEmpty()
                    || filter.onlyProjects().stream().map(state.projects::get)
                            .anyMatch(p -> p != null && p.account().equals(r.owner()) && p.repository().equals(r.id()));
            return page(state.repositories.values().stream()
                    .filter(r -> r.owner().equals(filter.owner()))
                    .filter(r -> filter.isPrivate().isEmpty() || filter.isPrivate().get() == r.isPrivate())
                    .filter(visible), Repository::createdAt, r -> r.id().value(), page);
        });
    }

    @Override
    public Repository insert(Repository repository) {
        return locked(() -> {
            if (findByOwnerAndName(repository.owner(), repository.name().value()).isPresent()) {
                throw new AlreadyExists("repository", "name", repository.name().value());
            }
            state.repositories.put(repository.id(), repository);
            return repository;
        });
    }

    // ---- deployments ----

    @Override
    public Optional<Deployment> findById(DeploymentId id) {
        return locked(() -> Optional.ofNullable(state.deployments.get(id)));
    }

    @Override
    public Page<Deployment> list(DeploymentQuery query, PageRequest page) {
        return locked(() -> page(state.deployments.values().stream()
                .filter(d -> d.account().equals(query.account()))
                .filter(d -> query.project().isEmpty() || query.project().get().equals(d.project()))
                .filter(d -> query.repository().isEmpty() || query.repository().get().equals(d.repository()))
                .filter(d -> query.statuses().isEmpty() || query.statuses().contains(d.status()))
                .filter(d -> query.environment().isEmpty() || query.environment().get() == d.environment())
                .filter(d -> query.onlyProjects().isEmpty() || query.onlyProjects().contains(d.project()))
                .filter(d -> query.onlyEnvironments().isEmpty() || query.onlyEnvironments().contains(d.environment())),
                Deployment::createdAt, d -> d.id().value(), page));
    }

    @Override
    public Page<Deployment> listNewestPreviewPerBranch(AccountSlug account, RepositoryId repository,
                                                       Set<ProjectId> onlyProjects, PageRequest page) {
        return locked(() -> {
            Comparator<Deployment> newestFirst = Comparator.comparing(Deployment::createdAt, NEWEST)
                    .thenComparing(d -> d.id().value(), Comparator.reverseOrder());
            Map<BranchName, Deployment> newestPerBranch = new LinkedHashMap<>();
            state.deployments.values().stream()
                    .filter(d -> d.account().equals(account) && d.repository().equals(repository))
                    .filter(d -> d.environment() == Environment.PREVIEW)
                    .filter(d -> onlyProjects.isEmpty() || onlyProjects.contains(d.project()))
                    .sorted(newestFirst)
                    .forEach(d -> newestPerBranch.putIfAbsent(d.branch(), d));
            return page(newestPerBranch.values().stream(), Deployment::createdAt, d -> d.id().value(), page);
        });
    }

    @Override
    public Deployment insert(Deployment deployment) {
        return locked(() -> {
            if (state.deployments.containsKey(deployment.id())) {
                throw new AlreadyExists("deployment", "id", deployment.id().value());
            }
            Deployment stored = deployment.withVersion(0);
            state.deployments.put(deployment.id(), stored);
            state.logs.put(deployment.id(), new ArrayList<>());
            return stored;
        });
    }

    @Override
    public Deployment update(Deployment deployment) {
        return locked(() -> {
            Deployment current = state.deployments.get(deployment.id());
            if (current == null) {
                throw new NotFound("deployment", deployment.id().value());
            }
            if (current.version() != deployment.version()) {
                throw new ConcurrentModification("deployment", deployment.id().value());
            }
            Deployment stored = deployment.withVersion(deployment.version() + 1);
            state.deployments.put(deployment.id(), stored);
            return stored;
        });
    }

    @Override
    public void delete(Deployment expected) {
        locked(() -> {
            Deployment current = state.deployments.get(expected.id());
            if (current == null) {
                return null;
            }
            if (current.version() != expected.version()) {
                throw new ConcurrentModification("deployment", expected.id().value());
            }
            state.deployments.remove(expected.id());
            state.logs.remove(expected.id());
            return null;
        });
    }

    @Override
    public List<LogLine> append(DeploymentId deployment, List<LogEntry> entries) {
        return locked(() -> {
            List<LogLine> lines = state.logs.get(deployment);
            if (lines == null) {
                return List.of();
            }
            List<LogLine> added = new ArrayList<>();
            for (LogEntry entry : entries) {
                LogLine line = new LogLine(lines.size() + 1, entry.timestamp(), entry.level(), entry.message());
                lines.add(line);
                added.add(line);
            }
            return added;
        });
    }

    @Override
    public List<LogLine> appendWhileActive(DeploymentId deployment, List<LogEntry> entries) {
        return locked(() -> {
            Deployment current = state.deployments.get(deployment);
            if (current == null || current.status().isFinal()) {
                return List.of();
            }
            return append(deployment, entries);
        });
    }

    @Override
    public Page<LogLine> read(DeploymentId deployment, LogRange range) {
        return locked(() -> {
            List<LogLine> lines = state.logs.getOrDefault(deployment, List.of());
            if (range instanceof LogRange.Offset offset) {
                List<LogLine> slice = lines.stream().skip(offset.offset()).limit(offset.limit()).toList();
                return Page.counted(slice, offset.offset(), lines.size());
            }
            LogRange.AfterSeq after = (LogRange.AfterSeq) range;
            List<LogLine> later = lines.stream().filter(l -> l.seq() > after.afterSeq()).toList();
            List<LogLine> slice = later.stream().limit(after.limit()).toList();
            return Page.slice(slice, later.size() > slice.size());
        });
    }

    // ---- webhooks ----

    @Override
    public Optional<WebhookSubscription> findById(AccountSlug account, WebhookId id) {
        return findById(id).filter(w -> w.account().equals(account));
    }

    @Override
    public Optional<WebhookSubscription> findById(WebhookId id) {
        return locked(() -> Optional.ofNullable(state.webhooks.get(id)));
    }

    @Override
    public Page<WebhookSubscription> list(AccountSlug account, PageRequest page) {
        return locked(() -> page(state.webhooks.values().stream().filter(w -> w.account().equals(account)),
                WebhookSubscription::createdAt, w -> w.id().value(), page));
    }

    @Override
    public List<WebhookSubscription> findActive(AccountSlug account) {
        return locked(() -> state.webhooks.values().stream()
                .filter(w -> w.account().equals(account) && w.isActive()).toList());
    }

    @Override
    public WebhookSubscription insert(WebhookSubscription subscription) {
        return locked(() -> {
            if (state.webhooks.containsKey(subscription.id())) {
                throw new AlreadyExists("webhook", "id", subscription.id().value());
            }
            state.webhooks.put(subscription.id(), subscription);
            return subscription;
        });
    }

    @Override
    public boolean disable(WebhookId id, String reason) {
        return locked(() -> {
            WebhookSubscription current = state.webhooks.get(id);
            if (current == null || current.status() != SubscriptionStatus.ACTIVE) {
                return false;
            }
            state.webhooks.put(id, current.disable(reason));
            return true;
        });
    }

    @Override
    public boolean delete(WebhookId id) {
        return locked(() -> {
            state.deliveries.values().removeIf(d -> d.subscription().equals(id));
            return state.webhooks.remove(id) != null;
        });
    }

    @Override
    public long nextSequence(DeploymentId deployment) {
        return locked(() -> state.events.values().stream()
                .filter(e -> e.deployment() != null && e.deployment().deploymentId().equals(deployment.value()))
                .mapToLong(WebhookEvent::sequence).max().orElse(0) + 1);
    }

    @Override
    public long nextSequence(RepositoryId repository) {
        return locked(() -> state.events.values().stream()
                .filter(e -> e.push() != null && e.push().repositoryId().equals(repository.value()))
                .mapToLong(WebhookEvent::sequence).max().orElse(0) + 1);
    }

    @Override
    public void append(WebhookEvent event, List<WebhookDelivery> deliveries) {
        locked(() -> {
            if (state.events.containsKey(event.id())) {
                throw new AlreadyExists("webhook_event", "id", event.id().value());
            }
            state.events.put(event.id(), event);
            deliveries.forEach(d -> state.deliveries.put(d.id(), d));
            return null;
        });
    }

    @Override
    public Optional<WebhookEvent> findEvent(WebhookEventId id) {
        return locked(() -> Optional.ofNullable(state.events.get(id)));
    }

    @Override
    public Optional<WebhookDelivery> findById(WebhookDeliveryId id) {
        return locked(() -> Optional.ofNullable(state.deliveries.get(id)));
    }

    @Override
    public Page<WebhookDelivery> list(WebhookId subscription, Optional<DeliveryStatus> status, PageRequest page) {
        return locked(() -> page(state.deliveries.values().stream()
                        .filter(d -> d.subscription().equals(subscription))
                        .filter(d -> status.isEmpty() || d.status() == status.get()),
                WebhookDelivery::createdAt, d -> d.id().value(), page));
    }

    @Override
    public WebhookDelivery insert(WebhookDelivery delivery) {
        return locked(() -> {
            if (!state.events.containsKey(delivery.event()) || !state.webhooks.containsKey(delivery.subscription())) {
                throw new IllegalStateException("a delivery needs its event and subscription");
            }
            state.deliveries.put(delivery.id(), delivery);
            return delivery;
        });
    }

    @Override
    public boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status) {
        return locked(() -> {
            WebhookDelivery current = state.deliveries.get(id);
            if (current == null || current.status() != DeliveryStatus.PENDING) {
                return false;
            }
            List<DeliveryAttempt> attempts = new ArrayList<>(current.attempts());
            if (attempt != null) {
                attempts.add(attempt);
            }
            state.deliveries.put(id, new WebhookDelivery(current.id(), current.account(), current.subscription(),
                    current.event(), current.eventType(), status, current.redeliveryOf(), current.createdAt(),
                    attempts));
            return true;
        });
    }

    @Override
    public int failPending(WebhookId subscription) {
        return locked(() -> {
            List<WebhookDeliveryId> pending = state.deliveries.values().stream()
                    .filter(d -> d.subscription().equals(subscription) && d.status() == DeliveryStatus.PENDING)
                    .map(WebhookDelivery::id).toList();
            pending.forEach(id -> recordAttempt(id, null, DeliveryStatus.FAILED));
            return pending.size();
        });
    }

    @Override
    public void schedule(WebhookDeliveryId delivery, Instant at) {
        locked(() -> state.deliveryJobs.putIfAbsent(delivery, at));
    }

    /** Delivery jobs due at {@code now}, oldest first; taking them removes them, as a finished job's row goes. */
    public List<WebhookDeliveryId> takeDueDeliveryJobs(Instant now) {
        return locked(() -> {
            List<WebhookDeliveryId> due = state.deliveryJobs.entrySet().stream()
                    .filter(job -> !job.getValue().isAfter(now))
                    .sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).toList();
            due.forEach(state.deliveryJobs::remove);
            return due;
        });
    }

    /** Every event recorded, in the order they were appended. */
    public List<WebhookEvent> events() {
        return locked(() -> List.copyOf(state.events.values()));
    }

    public Map<WebhookDeliveryId, Instant> deliveryJobs() {
        return locked(() -> Map.copyOf(state.deliveryJobs));
    }

    // ---- idempotency keys ----

    /** The primary key of a stored idempotency key. */
    private record IdempotencySlot(AccountSlug account, IdempotencyKey key) {
        static IdempotencySlot of(IdempotencyClaim claim) {
            return new IdempotencySlot(claim.account(), claim.key());
        }
    }

    @Override
    public boolean claim(IdempotencyClaim claim, Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore) {
        return locked(() -> {
            IdempotencySlot slot = IdempotencySlot.of(claim);
            IdempotencyRecord held = state.idempotencyKeys.get(slot);
            if (held != null) {
                Instant threshold = held.isInFlight() ? inFlightExpireAtOrBefore : completedExpireAtOrBefore;
                if (held.claim().claimedAt().isAfter(threshold)) {
                    return false;
                }
            }
            state.idempotencyKeys.put(slot, IdempotencyRecord.inFlight(claim));
            return true;
        });
    }

    @Override
    public Optional<IdempotencyRecord> find(AccountSlug account, IdempotencyKey key) {
        return locked(() -> Optional.ofNullable(state.idempotencyKeys.get(new IdempotencySlot(account, key))));
    }

    @Override
    public boolean complete(IdempotencyClaim claim, StoredResponse response, Instant completedAt) {
        return locked(() -> {
            IdempotencySlot slot = IdempotencySlot.of(claim);
            IdempotencyRecord held = state.idempotencyKeys.get(slot);
            if (held == null || !held.isInFlight() || !held.claim().claimId().equals(claim.claimId())) {
                return false;
            }
            state.idempotencyKeys.put(slot, new IdempotencyRecord(held.claim(), response, completedAt));
            return true;
        });
    }

    @Override
    public boolean release(IdempotencyClaim claim) {
        return locked(() -> {
            IdempotencySlot slot = IdempotencySlot.of(claim);
            IdempotencyRecord held = state.idempotencyKeys.get(slot);
            if (held == null || !held.isInFlight() || !held.claim().claimId().equals(claim.claimId())) {
                return false;
            }
            state.idempotencyKeys.remove(slot);
            return true;
        });
    }

    @Override
    public int purgeExpired(Instant completedExpireAtOrBefore, Instant inFlightExpireAtOrBefore, int limit) {
        return locked(() -> {
            List<IdempotencySlot> expired = state.idempotencyKeys.entrySet().stream()
                    .filter(entry -> !entry.getValue().claim().claimedAt().isAfter(
                            entry.getValue().isInFlight() ? inFlightExpireAtOrBefore : completedExpireAtOrBefore))
                    .sorted(Comparator.comparing(entry -> entry.getValue().claim().claimedAt()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            expired.forEach(state.idempotencyKeys::remove);
            return expired.size();
        });
    }

    // ---- helpers ----

    private static boolean sameName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    static <T> Page<T> page(Stream<T> rows, java.util.function.Function<T, Instant> createdAt,
                                    java.util.function.Function<T, String> id, PageRequest page) {
        Comparator<T> newestFirst = Comparator.comparing(createdAt, NEWEST)
                .thenComparing(id, Comparator.reverseOrder());
        List<T> sorted = rows.sorted(newestFirst).toList();
        if (page instanceof PageRequest.Offset offset) {
            List<T> slice = sorted.stream().skip(offset.offset()).limit(offset.limit()).toList();
            return Page.counted(slice, offset.offset(), sorted.size());
        }
        PageRequest.After after = (PageRequest.After) page;
        List<T> later = after.position().map(pos -> sorted.stream().filter(row -> isAfter(row, pos, createdAt, id))
                .toList()).orElse(sorted);
        List<T> slice = later.stream().limit(after.limit()).toList();
        return Page.slice(slice, later.size() > slice.size());
    }

    private static <T> boolean isAfter(T row, ListPosition pos, java.util.function.Function<T, Instant> createdAt,
                                       java.util.function.Function<T, String> id) {
        int byTime = createdAt.apply(row).compareTo(pos.createdAt());
        return byTime < 0 || (byTime == 0 && id.apply(row).compareTo(pos.id()) < 0);
    }
}
