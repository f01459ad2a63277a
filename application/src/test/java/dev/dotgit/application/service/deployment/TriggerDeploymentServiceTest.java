package dev.dotgit.application.service.deployment;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidBranch;
import dev.dotgit.domain.error.InvalidCommit;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.ProjectArchived;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerDeploymentServiceTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;
    RepositoryId repo;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
        repo = web.project().repository();
    }

    private CommitSha head() {
        return platform.sources.resolveBranch(repo, BranchName.MAIN).orElseThrow();
    }

    private CommitSha commitOnMain(String file) {
        return platform.sources.commit(repo, BranchName.MAIN,
                List.of(new SourceFile(file, file.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aTriggerStoresAQueuedDeploymentOfTheBranchHeadLogsItAndSchedulesOnePipeline() {
        CommitSha first = head();
        CommitSha second = commitOnMain("about.html");
        assertThat(second).isNotEqualTo(first);

        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).to(Environment.STAGING)
                .strategy(Strategy.CANARY).autoRollback().envVars(Map.of("API_URL", "https://api")).build());

        assertThat(queued.status()).isEqualTo(DeploymentStatus.QUEUED);
        assertThat(queued.progress()).isZero();
        assertThat(queued.commitSha()).isEqualTo(second);
        assertThat(queued.branch()).isEqualTo(BranchName.MAIN);
        assertThat(queued.project()).isEqualTo(web.project().id());
        assertThat(queued.repository()).isEqualTo(repo);
        assertThat(queued.environment()).isEqualTo(Environment.STAGING);
        assertThat(queued.strategy()).isEqualTo(Strategy.CANARY);
        assertThat(queued.autoRollback()).isTrue();
        assertThat(queued.createdAt()).isEqualTo(platform.clock.instant());
        assertThat(queued.startedAt()).isNull();
        assertThat(queued.completedAt()).isNull();

        assertThat(platform.getDeployment.get(admin, queued.id().value())).isEqualTo(queued);
        assertThat(platform.scheduler.scheduled()).containsExactly(queued.id());
        List<LogLine> log = platform.readDeploymentLogs.read(admin, queued.id().value(), LogRange.offset(0, 10))
                .lines().items();
        assertThat(log).singleElement().satisfies(line -> {
            assertThat(line.seq()).isEqualTo(1);
            assertThat(line.level()).isEqualTo(LogLevel.INFO);
            assertThat(line.message()).isEqualTo("Deployment queued: main@" + second.abbreviated()
                    + " to staging (canary)");
        });
    }

    @Test
    void aGivenAbbreviatedCommitResolvesToItsFullHash() {
        CommitSha first = head();
        commitOnMain("about.html");

        Deployment queued = platform.triggerDeployment.trigger(admin,
                aTriggerOf(web).commit(first.value().substring(0, 7)).build());

        assertThat(queued.commitSha()).isEqualTo(first);
        assertThat(queued.commitSha().isFull()).isTrue();
    }

    @Test
    void aBranchTheRepositoryLacksIsInvalidBranch() {
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin, aTriggerOf(web).branch("develop").build()))
                .isInstanceOfSatisfying(InvalidBranch.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_branch");
                    assertThat(e.getMessage()).isEqualTo("Branch 'develop' does not exist in repository");
                    assertThat(e.details()).containsEntry("project_id", web.project().id().value());
                });
        assertThat(platform.scheduler.scheduled()).isEmpty();
    }

    @Test
    void aCommitTheRepositoryLacksIsInvalidCommit() {
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin, aTriggerOf(web).commit("deadbeef").build()))
                .isInstanceOfSatisfying(InvalidCommit.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_commit");
                    assertThat(e.getMessage()).isEqualTo("Commit 'deadbeef' does not exist in repository");
                    assertThat(e.details()).containsEntry("project_id", web.project().id().value());
                });
        assertThat(platform.scheduler.scheduled()).isEmpty();
    }

    @Test
    void anArchivedProjectTakesNoDeployments() {
        Project archived = aProject().of(admin.account()).named("old").connectedTo(repo).archived().build();
        platform.store.insert(archived);

        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byId(archived.id().value())).build()))
                .isInstanceOfSatisfying(ProjectArchived.class, e -> {
                    assertThat(e.code()).isEqualTo("project_archived");
                    assertThat(e.details()).containsEntry("project_id", archived.id().value());
                });
        assertThat(platform.scheduler.scheduled()).isEmpty();
    }

    @Test
    void anEnvironmentRestrictedKeyCannotTriggerAnotherEnvironment() {
        Caller previewOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE)
                .restrictedTo(Environment.PREVIEW).build());

        assertThatThrownBy(() -> platform.triggerDeployment.trigger(previewOnly, aTriggerOf(web).build()))
                .isInstanceOfSatisfying(InsufficientScope.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient_scope");
                    assertThat(e.details()).containsEntry("environment", "production");
                });
        assertThat(platform.triggerDeployment.trigger(previewOnly, aTriggerOf(web).to(Environment.PREVIEW).build())
                .environment()).isEqualTo(Environment.PREVIEW);
        assertThat(platform.scheduler.scheduled()).hasSize(1);
    }

    @Test
    void aProjectRestrictedKeyFindsNoOtherProject() {
        ProjectOverview api = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null,
                null));
        Caller onlyWeb = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE)
                .restrictedTo(web.project().id()).build());

        assertThatThrownBy(() -> platform.triggerDeployment.trigger(onlyWeb, aTriggerOf(api).build()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(onlyWeb,
                aTriggerOf(ProjectReference.byIdOrName("api")).build())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(onlyWeb,
                aTriggerOf(ProjectReference.byRepository(api.project().repository().value())).build()))
                .isInstanceOf(NotFound.class);
        assertThat(platform.triggerDeployment.trigger(onlyWeb, aTriggerOf(web).build()).project())
                .isEqualTo(web.project().id());
    }

    @Test
    void anotherAccountsProjectIsNotFoundByIdByNameOrByRepository() {
        Caller other = platform.adminOf("other");

        for (ProjectReference reference : List.of(ProjectReference.byId(web.project().id().value()),
                ProjectReference.byIdOrName("web"), ProjectReference.byIdOrName(web.project().id().value()),
                ProjectReference.byRepository(repo.value()))) {
            assertThatThrownBy(() -> platform.triggerDeployment.trigger(other, aTriggerOf(reference).build()))
                    .as(reference.toString())
                    .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        }
        assertThat(platform.scheduler.scheduled()).isEmpty();
    }

    @Test
    void aProjectCanBeNamedByIdOrNameInAnyLetterCase() {
        Deployment byName = platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byIdOrName("WEB")).build());
        Deployment byId = platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byIdOrName(web.project().id().value())).build());

        assertThat(byName.project()).isEqualTo(web.project().id());
        assertThat(byId.project()).isEqualTo(web.project().id());
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byIdOrName("nope")).build()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.details()).containsEntry("id", "nope"));
    }

    @Test
    void aRepositoryReferenceDeploysTheProjectCreatedWithIt() {
        platform.clock.advance(Duration.ofSeconds(1));
        platform.createProject.create(admin, CreateProjectCommand.of("web-too", null, repo.value(), null, null));

        Deployment deployment = platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byRepository(repo.value())).build());

        assertThat(deployment.project()).isEqualTo(web.project().id());
        assertThat(deployment.repository()).isEqualTo(repo);
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin,
                aTriggerOf(ProjectReference.byRepository(RepositoryId.generate().value())).build()))
                .isInstanceOfSatisfying(NotFound.class,
                        e -> assertThat(e.details()).containsEntry("resource", "repository"));
    }

    @Test
    void aReadKeyCannotTrigger() {
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());

        assertThatThrownBy(() -> platform.triggerDeployment.trigger(reader, aTriggerOf(web).build()))
                .isInstanceOfSatisfying(InsufficientScope.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
        assertThat(platform.scheduler.scheduled()).isEmpty();
    }
}
