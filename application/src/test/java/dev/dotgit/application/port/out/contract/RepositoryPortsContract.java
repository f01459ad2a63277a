package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.aRepository;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static dev.dotgit.application.testing.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.RepositoryFilter;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import dev.dotgit.domain.repository.RepositoryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link LoadRepositoryPort} and {@link SaveRepositoryPort}. */
public abstract class RepositoryPortsContract {

    private static final Comparator<Repository> NEWEST_FIRST = Comparator.comparing(Repository::createdAt)
            .thenComparing(r -> r.id().value()).reversed();

    private LoadRepositoryPort repositories;
    private SaveRepositoryPort saveRepositories;
    private SaveProjectPort saveProjects;
    private AccountSlug owner;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        PersistencePorts ports = ports();
        repositories = ports.loadRepositories();
        saveRepositories = ports.saveRepositories();
        saveProjects = ports.saveProjects();
        owner = anAccountSlug();
    }

    @Test
    void aRepositoryReadsBackWithEveryField() {
        Repository described = aRepository().ownedBy(owner).isPublic()
                .description("The \"main\" site, ünïcode ✓ and a\nsecond line").createdAt(T0.plusMillis(42)).build();
        Repository bare = Repository.create(owner, new RepositoryName(unique("Bare.Repo_x")), true, null,
                T0.plusMillis(43));

        saveRepositories.insert(described);
        saveRepositories.insert(bare);

        assertThat(repositories.findById(owner, described.id())).contains(described);
        assertThat(repositories.findById(owner, bare.id())).hasValueSatisfying(read -> {
            assertThat(read).isEqualTo(bare);
            assertThat(read.status()).isEqualTo(RepositoryStatus.INITIALIZING);
            assertThat(read.description()).isNull();
            assertThat(read.isPrivate()).isTrue();
        });
    }

    @Test
    void aRepositoryIsFoundOnlyThroughItsOwner() {
        Repository repository = saveRepositories.insert(aRepository().ownedBy(owner).build());

        assertThat(repositories.findById(anAccountSlug(), repository.id())).isEmpty();
        assertThat(repositories.findByOwnerAndName(anAccountSlug(), repository.name().value())).isEmpty();
        assertThat(repositories.findById(owner, RepositoryId.generate())).isEmpty();
    }

    @Test
    void namesAreFoundRegardlessOfLetterCase() {
        String name = unique("Web-App");
        Repository repository = saveRepositories.insert(aRepository().ownedBy(owner).named(name).build());

        assertThat(repositories.findByOwnerAndName(owner, name.toLowerCase(Locale.ROOT))).contains(repository);
        assertThat(repositories.findByOwnerAndName(owner, name.toUpperCase(Locale.ROOT))).contains(repository);
        assertThat(repositories.findByOwnerAndName(owner, name + "x")).isEmpty();
    }

    @Test
    void aNameTakenInAnyLetterCaseCannotBeInsertedAgainByTheSameOwner() {
        String name = unique("Site");
        Repository first = saveRepositories.insert(aRepository().ownedBy(owner).named(name).build());

        assertThatThrownBy(() -> saveRepositories.insert(aRepository().ownedBy(owner).named(name.toUpperCase(Locale.ROOT)).build()))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.resource()).isEqualTo("repository");
                    assertThat(e.field()).isEqualTo("name");
                });
        assertThat(repositories.list(new RepositoryFilter(owner, Optional.empty(), Set.of()), PageRequest.first(10))
                .items()).containsExactly(first);
    }

    @Test
    void anotherOwnerMayUseTheSameName() {
        String name = unique("shared");
        AccountSlug other = anAccountSlug();
        saveRepositories.insert(aRepository().ownedBy(owner).named(name).build());

        Repository theirs = saveRepositories.insert(aRepository().ownedBy(other).named(name).build());

        assertThat(repositories.findByOwnerAndName(other, name)).contains(theirs);
    }

    @Test
    void listsAreNewestFirstWithTiesBrokenByIdDescendingAndHoldOnlyTheOwnersRepositories() {
        List<Repository> mine = insertRepositories(owner, T0, T0.plusSeconds(5), T0.plusSeconds(5), T0.plusSeconds(5),
                T0.plusSeconds(1));
        insertRepositories(anAccountSlug(), T0.plusSeconds(3));

        Page<Repository> page = repositories.list(all(), PageRequest.offset(0, 100));

        assertThat(page.items()).containsExactlyElementsOf(mine.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void offsetPagesCountTheWholeList() {
        List<Repository> expected = insertRepositories(owner, T0, T0.plusSeconds(1), T0.plusSeconds(2),
                T0.plusSeconds(3), T0.plusSeconds(4)).stream().sorted(NEWEST_FIRST).toList();

        Page<Repository> first = repositories.list(all(), PageRequest.offset(0, 2));
        Page<Repository> last = repositories.list(all(), PageRequest.offset(4, 2));
        Page<Repository> beyond = repositories.list(all(), PageRequest.offset(9, 2));

        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.total()).hasValue(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(last.total()).hasValue(5);
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).hasValue(5);
        assertThat(beyond.hasMore()).isFalse();
    }

    @Test
    void keysetPagesWalkTheWholeListAndKnowWhetherMoreFollow() {
        List<Repository> expected = insertRepositories(owner, T0, T0.plusSeconds(1), T0.plusSeconds(1),
                T0.plusSeconds(2), T0.plusSeconds(3)).stream().sorted(NEWEST_FIRST).toList();

        Page<Repository> exactlyAll = repositories.list(all(), PageRequest.first(5));
        Page<Repository> allButOne = repositories.list(all(), PageRequest.first(4));

        assertThat(exactlyAll.items()).containsExactlyElementsOf(expected);
        assertThat(exactlyAll.hasMore()).isFalse();
        assertThat(exactlyAll.total()).isEmpty();
        assertThat(allButOne.hasMore()).isTrue();
        assertThat(allPages(all(), 2)).containsExactlyElementsOf(expected);
    }

    @Test
    void rowsInsertedBetweenKeysetPagesNeitherRepeatNorVanish() {
        List<Repository> before = insertRepositories(owner, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3),
                T0.plusSeconds(4));
        Page<Repository> first = repositories.list(all(), PageRequest.first(2));

        Repository newer = insertRepositories(owner, T0.plusSeconds(10)).get(0);
        Repository older = insertRepositories(owner, T0).get(0);
        List<Repository> rest = new ArrayList<>();
        Page<Repository> page = first;
        while (page.hasMore()) {
            page = repositories.list(all(), PageRequest.after(positionOf(last(page)), 2));
            rest.addAll(page.items());
        }

        List<Repository> seen = new ArrayList<>(first.items());
        seen.addAll(rest);
        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(older).doesNotContain(newer);
        assertThat(seen).isSortedAccordingTo(NEWEST_FIRST);
    }

    @Test
    void visibilityFiltersPrivateAndPublicRepositories() {
        Repository secret = saveRepositories.insert(aRepository().ownedBy(owner).createdAt(T0).build());
        Repository open = saveRepositories.insert(aRepository().ownedBy(owner).isPublic().createdAt(T0).build());

        assertThat(repositories.list(new RepositoryFilter(owner, Optional.of(true), Set.of()), PageRequest.offset(0, 10))
                .items()).containsExactly(secret);
        assertThat(repositories.list(new RepositoryFilter(owner, Optional.of(false), Set.of()), PageRequest.first(10))
                .items()).containsExactly(open);
        assertThat(repositories.list(all(), PageRequest.first(10)).items()).containsExactlyInAnyOrder(secret, open);
    }

    @Test
    void aProjectRestrictionShowsOnlyTheRepositoriesOfThoseProjects() {
        Repository web = saveRepositories.insert(aRepository().ownedBy(owner).createdAt(T0).build());
        Repository api = saveRepositories.insert(aRepository().ownedBy(owner).createdAt(T0.plusSeconds(1)).build());
        Repository docs = saveRepositories.insert(aRepository().ownedBy(owner).createdAt(T0.plusSeconds(2)).build());
        Project webProject = saveProjects.insert(aProject().connectedTo(web).build());
        Project apiProject = saveProjects.insert(aProject().connectedTo(api).build());
        saveProjects.insert(aProject().connectedTo(docs).build());

        Page<Repository> visible = repositories.list(new RepositoryFilter(owner, Optional.empty(),
                Set.of(webProject.id(), apiProject.id())), PageRequest.offset(0, 10));

        assertThat(visible.items()).containsExactly(api, web);
        assertThat(visible.total()).hasValue(2);
    }

    private RepositoryFilter all() {
        return new RepositoryFilter(owner, Optional.empty(), Set.of());
    }

    private List<Repository> insertRepositories(AccountSlug of, Instant... createdAt) {
        return IntStream.range(0, createdAt.length)
                .mapToObj(i -> saveRepositories.insert(aRepository().ownedBy(of).createdAt(createdAt[i]).build()))
                .toList();
    }

    private List<Repository> allPages(RepositoryFilter filter, int limit) {
        List<Repository> seen = new ArrayList<>();
        Page<Repository> page = repositories.list(filter, PageRequest.first(limit));
        seen.addAll(page.items());
        while (page.hasMore()) {
            page = repositories.list(filter, PageRequest.after(positionOf(last(page)), limit));
            seen.addAll(page.items());
        }
        return seen;
    }

    private static Repository last(Page<Repository> page) {
        return page.items().get(page.items().size() - 1);
    }

    private static ListPosition positionOf(Repository repository) {
        return new ListPosition(repository.createdAt(), repository.id().value());
    }
}
