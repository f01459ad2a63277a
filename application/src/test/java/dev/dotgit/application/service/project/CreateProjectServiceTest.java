package dev.dotgit.application.service.project;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.in.repository.CreateRepositoryCommand;
import dev.dotgit.application.port.in.repository.RepositoryVisibility;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.repository.RepositoryProvisioning;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.StorageUnavailable;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateProjectServiceTest extends PlatformTest {

    Caller admin;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
    }

    private static CreateProjectCommand named(String name) {
        return CreateProjectCommand.of(name, null, null, null, null);
    }

    private List<Repository> repositories() {
        return platform.listRepositories.list(admin, Optional.empty(), RepositoryVisibility.ALL,
                PageRequest.offset(0, 100)).items();
    }

    private List<ProjectOverview> projects() {
        return platform.listProjects.list(admin, Optional.empty(), PageRequest.offset(0, 100)).items();
    }

    @Test
    void withoutARepositoryIdItCreatesTheRepositoryOfTheSameNameWithItsInitialCommit() {
        ProjectOverview created = platform.createProject.create(admin,
                CreateProjectCommand.of("web", "nextjs", null, "npm run build", "out"));

        Project project = created.project();
        assertThat(project.name().value()).isEqualTo("web");
        assertThat(project.framework()).isEqualTo("nextjs");
        assertThat(project.buildSettings().buildCommand()).isEqualTo("npm run build");
        assertThat(project.buildSettings().outputDirectory()).isEqualTo("out");
        assertThat(created.reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);

        Repository repository = platform.getRepository.get(admin, project.repository().value());
        assertThat(repository.name().value()).isEqualTo("web");
        assertThat(repository.fullName()).isEqualTo("acme/web");
        assertThat(repository.status()).isEqualTo(RepositoryStatus.READY);
        assertThat(repository.defaultBranch()).isEqualTo(BranchName.MAIN);
        assertThat(platform.sources.exists(repository.id())).isTrue();
        assertThat(platform.sources.resolveBranch(repository.id(), BranchName.MAIN)).isPresent();
        assertThat(platform.sources.resolveBranch(repository.id(), new BranchName("develop"))).isEmpty();

        assertThat(platform.getProject.get(admin, project.id().value()).project()).isEqualTo(project);
        assertThat(projects()).extracting(o -> o.project().id()).containsExactly(project.id());
        assertThat(repositories()).extracting(Repository::id).containsExactly(repository.id());
    }

    @Test
    void withARepositoryIdItConnectsToThatRepositoryAndCreatesNone() {
        Repository existing = platform.createRepository.create(admin,
                CreateRepositoryCommand.of("acme", "site", null, null));

        ProjectOverview created = platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, existing.id().value(), null, null));

        assertThat(created.project().repository()).isEqualTo(existing.id());
        assertThat(repositories()).extracting(Repository::id).containsExactly(existing.id());
        assertThat(projects()).extracting(o -> o.project().name().value()).containsExactlyInAnyOrder("site", "web");
    }

    @Test
    void aRepositoryIdTheCallerCannotSeeIsNotFoundAndNothingIsCreated() {
        Caller other = platform.adminOf("other");
        Repository foreign = platform.createRepository.create(other,
                CreateRepositoryCommand.of("other", "site", null, null));

        assertThatThrownBy(() -> platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, foreign.id().value(), null, null)))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(projects()).isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> CreateProjectCommand.of("a", "x".repeat(51), null, " ", "../etc"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.violations()).extracting(InvalidInput.Violation::field)
                            .containsExactlyInAnyOrder("name", "framework", "build_command", "output_directory");
                });
    }

    @Test
    void aMissingNameIsReportedAsMissing() {
        assertThatThrownBy(() -> CreateProjectCommand.of(null, null, null, null, "/abs"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field, InvalidInput.Violation::problem)
                        .containsExactlyInAnyOrder(
                                tuple("name", InvalidInput.Problem.MISSING),
                                tuple("output_directory",
                                        InvalidInput.Problem.BAD_FORMAT)));
    }

    @Test
    void nameRulesFollowTheRepositoryNameRule() {
        for (String bad : List.of("ab", "x".repeat(31), "has space", "sl/ash", "...", "ümlaut")) {
            assertThatThrownBy(() -> named(bad)).as(bad).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.first().field()).isEqualTo("name"));
        }
        for (String good : List.of("abc", "x".repeat(30), "My.Site_2-x")) {
            assertThat(named(good).name().value()).isEqualTo(good);
        }
    }

    @Test
    void aNameTakenInAnyLetterCaseIsAlreadyExists() {
        platform.createProject.create(admin, named("web"));

        assertThatThrownBy(() -> platform.createProject.create(admin, named("WEB")))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.code()).isEqualTo("already_exists");
                    assertThat(e.resource()).as("the conflict names what the caller asked for").isEqualTo("project");
                });
        Repository other = platform.createRepository.create(admin, CreateRepositoryCommand.of("acme", "site", null,
                null));
        assertThatThrownBy(() -> platform.createProject.create(admin,
                CreateProjectCommand.of("Web", null, other.id().value(), null, null)))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.code()).isEqualTo("already_exists"));

        assertThat(projects()).extracting(o -> o.project().name().value()).containsExactlyInAnyOrder("web", "site");
        assertThat(repositories()).extracting(r -> r.name().value()).containsExactlyInAnyOrder("web", "site");
    }

    @Test
    void theSameNameInAnotherAccountIsFree() {
        platform.createProject.create(admin, named("web"));
        Caller other = platform.adminOf("other");

        assertThat(platform.createProject.create(other, named("web")).project().account())
                .isEqualTo(new AccountSlug("other"));
    }

    @Test
    void aNameRaceLostAfterTheGitRepositoryWasCreatedRemovesThatRepositoryAgain() {
        // The "concurrent request" creates project "web" right after our request checked the
        // name and wrote its git repository, so our transaction hits the unique name.
        RecordingSources racing = new RecordingSources(platform.sources,
                () -> platform.createProject.create(admin, named("web")));
        CreateProjectUseCase createProject = createProjectOver(racing, platform.store);

        assertThatThrownBy(() -> createProject.create(admin, named("web")))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.code()).isEqualTo("already_exists"));

        assertThat(racing.initialized).hasSize(1);
        RepositoryId ours = racing.initialized.get(0);
        assertThat(platform.sources.exists(ours)).isFalse();
        List<Repository> left = repositories();
        assertThat(left).hasSize(1);
        RepositoryId winners = left.get(0).id();
        assertThat(winners).isNotEqualTo(ours);
        assertThat(platform.sources.exists(winners)).isTrue();
        assertThat(projects()).extracting(o -> o.project().repository()).containsExactly(winners);
    }

    @Test
    void aFailingTransactionRemovesTheGitRepositoryAndLeavesNoRows() {
        RecordingSources sources = new RecordingSources(platform.sources, () -> { });
        SaveProjectPort failingInsert = new SaveProjectPort() {
            @Override
            public Project insert(Project project) {
                throw new StorageUnavailable("insert project", null);
            }

            @Override
            public Project update(Project project) {
                return platform.store.update(project);
            }
        };
        CreateProjectUseCase createProject = createProjectOver(sources, failingInsert);

        assertThatThrownBy(() -> createProject.create(admin, named("web"))).isInstanceOf(StorageUnavailable.class);

        assertThat(sources.initialized).hasSize(1);
        assertThat(platform.sources.exists(sources.initialized.get(0))).isFalse();
        assertThat(repositories()).isEmpty();
        assertThat(projects()).isEmpty();
        // Nothing half-made blocks the name: the same request succeeds now.
        assertThat(platform.createProject.create(admin, named("web")).project().name().value()).isEqualTo("web");
    }

    @Test
    void restrictedKeysCannotCreateProjects() {
        Caller onlyStaging = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.STAGING)
                .build());
        ProjectOverview existing = platform.createProject.create(admin, named("web"));
        Caller onlyWeb = platform.register(anApiKey().of(admin.account()).restrictedTo(existing.project().id())
                .build());

        for (Caller restricted : List.of(onlyStaging, onlyWeb)) {
            assertThatThrownBy(() -> platform.createProject.create(restricted, named("site")))
                    .isInstanceOfSatisfying(InsufficientScope.class,
                            e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
        }
        assertThat(projects()).hasSize(1);
    }

    @Test
    void aReadKeyCannotCreateProjects() {
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());

        assertThatThrownBy(() -> platform.createProject.create(reader, named("web")))
                .isInstanceOfSatisfying(InsufficientScope.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient_scope");
                    assertThat(e.details()).containsEntry("required_scope", "deploy:write");
                });
        assertThat(projects()).isEmpty();
    }

    @Test
    void aWriteKeyCanCreateProjects() {
        Caller writer = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE).build());

        assertThat(platform.createProject.create(writer, named("web")).project().account()).isEqualTo(admin.account());
    }

    private CreateProjectUseCase createProjectOver(SourceRepositoryPort sources, SaveProjectPort saveProjects) {
        RepositoryProvisioning provisioning = new RepositoryProvisioning(platform.store, platform.store,
                platform.store, platform.store, saveProjects, sources, platform.clock);
        return new CreateProjectService(platform.store, platform.store, saveProjects,
                new VisibleObjects(platform.store, platform.store, platform.store), provisioning, platform.clock);
    }

    /**
     * Stand-in around the fake git repositories: records the ids it initialises and runs
     * {@code afterFirstInitialize} once, between our git write and our transaction.
     */
    private static final class RecordingSources implements SourceRepositoryPort {
        final List<RepositoryId> initialized = new CopyOnWriteArrayList<>();
        private final SourceRepositoryPort delegate;
        private Runnable afterFirstInitialize;

        RecordingSources(SourceRepositoryPort delegate, Runnable afterFirstInitialize) {
            this.delegate = delegate;
            this.afterFirstInitialize = afterFirstInitialize;
        }

        @Override
        public CommitSha initialize(RepositoryId repository, InitialCommit commit) {
            initialized.add(repository);
            CommitSha sha = delegate.initialize(repository, commit);
            Runnable once = afterFirstInitialize;
            afterFirstInitialize = null;
            if (once != null) {
                once.run();
            }
            return sha;
        }

        @Override
        public Optional<CommitSha> resolveBranch(RepositoryId repository, BranchName branch) {
            return delegate.resolveBranch(repository, branch);
        }

        @Override
        public Optional<CommitSha> resolveCommit(RepositoryId repository, CommitSha commit) {
            return delegate.resolveCommit(repository, commit);
        }

        @Override
        public void checkout(RepositoryId repository, CommitSha commit, Path target) {
            delegate.checkout(repository, commit, target);
        }

        @Override
        public void delete(RepositoryId repository) {
            delegate.delete(repository);
        }
    }
}
