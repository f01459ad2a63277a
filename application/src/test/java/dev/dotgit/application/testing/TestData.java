package dev.dotgit.application.testing;

import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import dev.dotgit.domain.repository.RepositoryStatus;
import dev.dotgit.domain.project.ProjectStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-data builders, one style across the project: {@code aProject().named("web").build()}.
 * Defaults are valid and unique where uniqueness matters, so a test states only what it is about.
 */
public final class TestData {

    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    public static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestData() {
    }

    /** {@code base} plus a number no other call returns in this JVM: a valid, unused name or slug for {@code base}s up to 20 characters. */
    public static String unique(String base) {
        return base + "-" + COUNTER.incrementAndGet();
    }

    /** An account slug no other test uses, for tests that need their own corner of a shared store. */
    public static AccountSlug anAccountSlug() {
        return new AccountSlug(unique("acct"));
    }

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public static ApiKeyBuilder anApiKey() {
        return new ApiKeyBuilder();
    }

    public static RepositoryBuilder aRepository() {
        return new RepositoryBuilder();
    }

    public static ProjectBuilder aProject() {
        return new ProjectBuilder();
    }

    public static DeploymentBuilder aDeployment() {
        return new DeploymentBuilder();
    }

    public static final class AccountBuilder {
        private String slug = unique("acct");
        private Plan plan = Plan.PRO;
        private RateLimit rateLimit;
        private Instant createdAt = T0;

        public AccountBuilder slug(String value) {
            this.slug = value;
            return this;
        }

        public AccountBuilder plan(Plan value) {
            this.plan = value;
            return this;
        }

        public AccountBuilder rateLimit(int perMinute, int burst) {
            this.rateLimit = new RateLimit(perMinute, burst);
            return this;
        }

        public AccountBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Account build() {
            return Account.create(new AccountSlug(slug), plan, rateLimit, createdAt);
        }
    }

    public static final class ApiKeyBuilder {
        private AccountSlug account = new AccountSlug("default");
        private SecretKey secret = SecretKey.generate();
        private Set<Scope> scopes = Set.of(Scope.ADMIN);
        private Set<ProjectId> projects = Set.of();
        private Set<Environment> environments = Set.of();
        private Instant expiresAt;
        private Instant createdAt = T0;

        public ApiKeyBuilder of(AccountSlug value) {
            this.account = value;
            return this;
        }

        public ApiKeyBuilder secret(SecretKey value) {
            this.secret = value;
            return this;
        }

        public ApiKeyBuilder scopes(Scope... value) {
            this.scopes = Set.of(value);
            return this;
        }

        public ApiKeyBuilder restrictedTo(ProjectId... value) {
            this.projects = Set.of(value);
            return this;
        }

        public ApiKeyBuilder restrictedTo(Environment... value) {
            this.environments = Set.of(value);
            return this;
        }

        public ApiKeyBuilder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        public ApiKeyBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public ApiKey build() {
            return ApiKey.issue(account, "test key", secret, scopes, projects, environments, expiresAt, createdAt);
        }
    }

    public static final class RepositoryBuilder {
        private AccountSlug owner = new AccountSlug("default");
        private String name = unique("repo");
        private boolean isPrivate = true;
        private String description;
        private Instant createdAt = T0;

        public RepositoryBuilder ownedBy(AccountSlug value) {
            this.owner = value;
            return this;
        }

        public RepositoryBuilder named(String value) {
            this.name = value;
            return this;
        }

        public RepositoryBuilder isPublic() {
            this.isPrivate = false;
            return this;
        }

        public RepositoryBuilder description(String value) {
            this.description = value;
            return this;
        }

        public RepositoryBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Repository build() {
            return new Repository(RepositoryId.generate(), owner, new RepositoryName(name), isPrivate, description,
                    BranchName.MAIN, RepositoryStatus.READY, createdAt);
        }
    }

    public static final class ProjectBuilder {
        private AccountSlug account = new AccountSlug("default");
        private String name = unique("proj");
        private String framework = "static";
        private RepositoryId repository = RepositoryId.generate();
        private BuildSettings buildSettings = BuildSettings.NONE;
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private Instant createdAt = T0;

        public ProjectBuilder of(AccountSlug value) {
            this.account = value;
            return this;
        }

        public ProjectBuilder named(String value) {
            this.name = value;
            return this;
        }

        public ProjectBuilder framework(String value) {
            this.framework = value;
            return this;
        }

        public ProjectBuilder connectedTo(RepositoryId value) {
            this.repository = value;
            return this;
        }

        public ProjectBuilder connectedTo(Repository value) {
            this.repository = value.id();
            this.account = value.owner();
            return this;
        }

        public ProjectBuilder building(String command, String outputDirectory) {
            this.buildSettings = new BuildSettings(command, outputDirectory);
            return this;
        }

        public ProjectBuilder archived() {
            this.status = ProjectStatus.ARCHIVED;
            return this;
        }

        public ProjectBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Project build() {
            return new Project(ProjectId.generate(), account, new RepositoryName(name), framework, repository,
                    buildSettings, status, createdAt, null, null, 0);
        }
    }

    public static final class DeploymentBuilder {
        private AccountSlug account = new AccountSlug("default");
        private ProjectId project = ProjectId.generate();
        private RepositoryId repository = RepositoryId.generate();
        private BranchName branch = BranchName.MAIN;
        private CommitSha sha = new CommitSha(SHA);
        private Environment environment = Environment.PRODUCTION;
        private Strategy strategy = Strategy.INSTANT;
        private boolean autoRollback;
        private EnvVars envVars = EnvVars.NONE;
        private Instant createdAt = T0;

        public DeploymentBuilder of(Project value) {
            this.account = value.account();
            this.project = value.id();
            this.repository = value.repository();
            return this;
        }

        public DeploymentBuilder ofAccount(AccountSlug value) {
            this.account = value;
            return this;
        }

        public DeploymentBuilder branch(String value) {
            this.branch = new BranchName(value);
            return this;
        }

        public DeploymentBuilder commit(String value) {
            this.sha = new CommitSha(value);
            return this;
        }

        public DeploymentBuilder to(Environment value) {
            this.environment = value;
            return this;
        }

        public DeploymentBuilder strategy(Strategy value) {
            this.strategy = value;
            return this;
        }

        public DeploymentBuilder autoRollback() {
            this.autoRollback = true;
            return this;
        }

        public DeploymentBuilder envVars(Map<String, String> value) {
            this.envVars = new EnvVars(value);
            return this;
        }

        public DeploymentBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Deployment build() {
            return Deployment.queue(account, project, repository, branch, sha, environment, strategy, autoRollback,
                    envVars, createdAt);
        }

        /** Convenience: a deployment already live. */
        public Deployment buildSucceeded() {
            return build().startBuilding(createdAt.plusSeconds(1)).startDeploying().succeed(createdAt.plusSeconds(15));
        }
    }
}
