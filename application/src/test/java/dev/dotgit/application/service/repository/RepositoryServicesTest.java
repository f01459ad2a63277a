package dev.dotgit.application.service.repository;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.repository.CreateRepositoryCommand;
import dev.dotgit.application.port.in.repository.RepositoryVisibility;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code CreateRepositoryService}, {@code GetRepositoryService} and {@code ListRepositoriesService}. */
class RepositoryServicesTest extends PlatformTest {

    Caller admin;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
    }

    private Repository create(String name, boolean isPrivate) {
        Repository created = platform.createRepository.create(admin,
                CreateRepositoryCommand.of("acme", name, isPrivate, null));
        platform.clock.advance(Duration.ofSeconds(1));
        return created;
    }

    private Page<Repository> list(Caller caller, Optional<String> owner, RepositoryVisibility visibility) {
        return platform.listRepositories.list(caller, owner, visibility, PageRequest.offset(0, 100));
    }

    private static List<String> names(Page<Repository> page) {
        return page.items().stream().map(r -> r.name().value()).toList();
    }

    @Test
    void createMakesAReadyGitRepositoryWithMainAndItsProject() {
        Repository created = platform.createRepository.create(admin,
                CreateRepositoryCommand.of("acme", "site", null, "My site"));

        assertThat(created.fullName()).isEqualTo("acme/site");
        assertThat(created.isPrivate()).isTrue();
        assertThat(created.description()).isEqualTo("My site");
        assertThat(created.status()).isEqualTo(RepositoryStatus.READY);
        assertThat(created.defaultBranch()).isEqualTo(BranchName.MAIN);
        assertThat(platform.sources.resolveBranch(created.id(), BranchName.MAIN)).isPresent();
        assertThat(platform.sources.resolveBranch(created.id(), new BranchName("develop"))).isEmpty();

        assertThat(platform.getRepository.get(admin, created.id().value())).isEqualTo(created);
        List<ProjectOverview> projects = platform.listProjects.list(admin, Optional.empty(),
                PageRequest.offset(0, 10)).items();
        assertThat(projects).singleElement().satisfies(p -> {
            assertThat(p.project().name().value()).isEqualTo("site");
            assertThat(p.project().repository()).isEqualTo(created.id());
        });
    }

    @Test
    void theOwnerMustBeTheCallersAccount() {
        platform.newAccount("other");

        assertThatThrownBy(() -> platform.createRepository.create(admin,
                CreateRepositoryCommand.of("other", "site", null, null)))
                .isInstanceOfSatisfying(NotFound.class, e -> {
                    assertThat(e.code()).isEqualTo("not_found");
                    assertThat(e.details()).containsEntry("resource", "account").containsEntry("id", "other");
                });
        assertThatThrownBy(() -> platform.createRepository.create(admin,
                CreateRepositoryCommand.of("nobody", "site", null, null)))
                .isInstanceOfSatisfying(NotFound.class,
                        e -> assertThat(e.details()).containsEntry("id", "nobody"));
        assertThat(list(admin, Optional.empty(), RepositoryVisibility.ALL).items()).isEmpty();
    }

    @Test
    void aNameTakenInAnyLetterCaseIsAlreadyExists() {
        create("site", true);

        assertThatThrownBy(() -> platform.createRepository.create(admin,
                CreateRepositoryCommand.of("acme", "SITE", null, null)))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
        assertThat(list(admin, Optional.empty(), RepositoryVisibility.ALL).items()).hasSize(1);
    }

    @Test
    void commandValidationReportsEveryField() {
        assertThatThrownBy(() -> CreateRepositoryCommand.of("Not A Slug", "x", null, "d".repeat(1001)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field)
                        .containsExactlyInAnyOrder("owner", "name", "description"));
        assertThatThrownBy(() -> CreateRepositoryCommand.of(null, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field).containsExactlyInAnyOrder("owner", "name"));
    }

    @Test
    void readAndRestrictedKeysCannotCreate() {
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());
        Caller staging = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.STAGING).build());

        for (Caller caller : List.of(reader, staging)) {
            assertThatThrownBy(() -> platform.createRepository.create(caller,
                    CreateRepositoryCommand.of("acme", "site", null, null)))
                    .isInstanceOfSatisfying(InsufficientScope.class,
                            e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
        }
        assertThat(list(admin, Optional.empty(), RepositoryVisibility.ALL).items()).isEmpty();
    }

    @Test
    void anotherAccountsRepositoryIsNotFound() {
        Caller other = platform.adminOf("other");
        Repository foreign = platform.createRepository.create(other,
                CreateRepositoryCommand.of("other", "site", null, null));

        assertThatThrownBy(() -> platform.getRepository.get(admin, foreign.id().value()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage())
                        .isEqualTo("No repository found with id '" + foreign.id().value() + "'."));
        assertThatThrownBy(() -> platform.getRepository.get(admin, "repo_bad")).isInstanceOf(NotFound.class);
    }

    @Test
    void listFiltersByVisibility() {
        create("private-one", true);
        create("public-one", false);
        create("private-two", true);

        assertThat(names(list(admin, Optional.empty(), RepositoryVisibility.ALL)))
                .containsExactly("private-two", "public-one", "private-one");
        assertThat(names(list(admin, Optional.empty(), RepositoryVisibility.PRIVATE)))
                .containsExactly("private-two", "private-one");
        Page<Repository> publicOnly = list(admin, Optional.empty(), RepositoryVisibility.PUBLIC);
        assertThat(names(publicOnly)).containsExactly("public-one");
        assertThat(publicOnly.total()).hasValue(1);
    }

    @Test
    void theOwnerFilterNamingAnotherAccountYieldsAnEmptyList() {
        create("site", true);
        Caller other = platform.adminOf("other");
        platform.createRepository.create(other, CreateRepositoryCommand.of("other", "theirs", null, null));

        assertThat(names(list(admin, Optional.of("acme"), RepositoryVisibility.ALL))).containsExactly("site");
        Page<Repository> foreign = list(admin, Optional.of("other"), RepositoryVisibility.ALL);
        assertThat(foreign.items()).isEmpty();
        assertThat(foreign.total()).hasValue(0);
        Page<Repository> keyset = platform.listRepositories.list(admin, Optional.of("other"),
                RepositoryVisibility.ALL, PageRequest.first(10));
        assertThat(keyset.items()).isEmpty();
        assertThat(keyset.hasMore()).isFalse();
    }

    @Test
    void aProjectRestrictedKeySeesOnlyTheRepositoriesOfItsProjects() {
        Repository site = create("site", true);
        Repository blog = create("blog", true);
        ProjectOverview web = platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, site.id().value(), null, null));
        Caller onlyWeb = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(web.project().id()).build());

        assertThat(names(list(onlyWeb, Optional.empty(), RepositoryVisibility.ALL))).containsExactly("site");
        assertThat(platform.getRepository.get(onlyWeb, site.id().value()).id()).isEqualTo(site.id());
        assertThatThrownBy(() -> platform.getRepository.get(onlyWeb, blog.id().value())).isInstanceOf(NotFound.class);
    }
}
