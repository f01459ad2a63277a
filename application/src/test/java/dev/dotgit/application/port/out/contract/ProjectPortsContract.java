package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static dev.dotgit.application.testing.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.ProjectFilter;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ProjectStatus;
import dev.dotgit.domain.project.ReportedProjectStatus;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
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

/** The behaviour of {@link LoadProjectPort} and {@link SaveProjectPort}. */
public abstract class ProjectPortsContract {

    private static final Comparator<Project> NEWEST_FIRST = Comparator.comparing(Project::createdAt)
            .thenComparing(p -> p.id().value()).reversed();

    private LoadProjectPort projects;
    private SaveProjectPort saveProjects;
    private SaveDeploymentPort saveDeployments;
    private AccountSlug account;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        PersistencePorts ports = ports();
        projects = ports.loadProjects();
        saveProjects = ports.saveProjects();
        saveDeployments = ports.saveDeployments();
        account = anAccountSlug();
    }

    @Test
    void aProjectReadsBackWithEveryField() {
        Project full = new Project(ProjectId.generate(), account, new RepositoryName(unique("Full.Site")),
                "next.js \"13\" ✓", RepositoryId.generate(),
                new BuildSettings("npm ci && npm run build -- --out='dist'\necho \"done\"", "dist/public"),
                ProjectStatus.ARCHIVED, T0.plusMillis(17), T0.plusSeconds(30).plusMillis(250), DeploymentId.generate(),
                0);
        Project bare = new Project(ProjectId.generate(), account, new RepositoryName(unique("bare")), null,
                RepositoryId.generate(), BuildSettings.NONE, ProjectStatus.ACTIVE, T0, null, null, 0);

        assertThat(saveProjects.insert(full)).isEqualTo(full);
        assertThat(saveProjects.insert(bare)).isEqualTo(bare);

        assertThat(projects.findById(account, full.id())).contains(full);
        assertThat(projects.findById(account, bare.id())).hasValueSatisfying(read -> {
            assertThat(read).isEqualTo(bare);
            assertThat(read.framework()).isNull();
            assertThat(read.buildSettings()).isEqualTo(BuildSettings.NONE);
            assertThat(read.lastDeployAt()).isNull();
            assertThat(read.liveProductionDeployment()).isNull();
        });
    }

    @Test
    void aProjectIsFoundOnlyInItsAccount() {
        Project project = saveProjects.insert(aProject().of(account).build());

        assertThat(projects.findById(anAccountSlug(), project.id())).isEmpty();
        assertThat(projects.findByName(anAccountSlug(), project.name().value())).isEmpty();
        assertThat(projects.findByRepository(anAccountSlug(), project.repository())).isEmpty();
        assertThat(projects.findOverview(anAccountSlug(), project.id())).isEmpty();
        assertThat(projects.findById(account, ProjectId.generate())).isEmpty();
    }

    @Test
    void namesAreFoundRegardlessOfLetterCase() {
        String name = unique("My-Site");
        Project project = saveProjects.insert(aProject().of(account).named(name).build());

        assertThat(projects.findByName(account, name.toLowerCase(Locale.ROOT))).contains(project);
        assertThat(projects.findByName(account, name.toUpperCase(Locale.ROOT))).contains(project);
        assertThat(projects.findByName(account, name + "-2")).isEmpty();
    }

    @Test
    void aNameTakenInAnyLetterCaseCannotBeInsertedAgainInTheSameAccount() {
        String name = unique("Blog");
        Project first = saveProjects.insert(aProject().of(account).named(name).build());

        assertThatThrownBy(() -> saveProjects.insert(aProject().of(account).named(name.toLowerCase(Locale.ROOT))
                .build()))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.resource()).isEqualTo("project");
                    assertThat(e.field()).isEqualTo("name");
                });
        assertThat(projects.findByName(account, name)).contains(first);
    }

    @Test
    void anotherAccountMayUseTheSameName() {
        String name = unique("shop");
        AccountSlug other = anAccountSlug();
        saveProjects.insert(aProject().of(account).named(name).build());

        Project theirs = saveProjects.insert(aProject().of(other).named(name).build());

        assertThat(projects.findByName(other, name)).contains(theirs);
    }

    @Test
    void aRepositoryBelongsToTheOldestProjectConnectedToIt() {
        RepositoryId repository = RepositoryId.generate();
        saveProjects.insert(aProject().of(account).connectedTo(repository).createdAt(T0.plusSeconds(5)).build());
        Project oldest = saveProjects.insert(aProject().of(account).connectedTo(repository).createdAt(T0).build());
        saveProjects.insert(aProject().of(account).createdAt(T0.minusSeconds(5)).build());

        assertThat(projects.findByRepository(account, repository)).contains(oldest);
        assertThat(projects.findByRepository(account, RepositoryId.generate())).isEmpty();
    }

    @Test
    void theSiteAliasBelongsToTheOldestProjectWithThatLabelInAnyAccount() {
        String name = unique("Alias");
        saveProjects.insert(aProject().of(anAccountSlug()).named(name.toLowerCase(Locale.ROOT))
                .createdAt(T0.plusSeconds(1)).build());
        Project oldest = saveProjects.insert(aProject().of(anAccountSlug()).named(name).createdAt(T0).build());
        saveProjects.insert(aProject().of(anAccountSlug()).named(name.toUpperCase(Locale.ROOT))
                .createdAt(T0.plusSeconds(2)).build());

        assertThat(oldest.siteLabel()).isEqualTo(name.toLowerCase(Locale.ROOT));
        assertThat(projects.findSiteAliasOwner(oldest.siteLabel())).contains(oldest);
        assertThat(projects.findSiteAliasOwner(unique("nobody"))).isEmpty();
    }

    @Test
    void namesWithDotsOrUnderscoresShareTheLabelOfTheirHyphenatedForm() {
        String base = unique("my");
        Project dotted = saveProjects.insert(aProject().of(anAccountSlug()).named(base + ".site").createdAt(T0).build());
        saveProjects.insert(aProject().of(anAccountSlug()).named(base + "_site").createdAt(T0.plusSeconds(1)).build());

        assertThat(dotted.siteLabel()).isEqualTo(base + "-site");
        assertThat(projects.findSiteAliasOwner(base + "-site")).contains(dotted);
        assertThat(projects.findSiteAliasOwner(base + ".site")).isEmpty();
    }

    @Test
    void anUpdateWritesTheNewStateAtTheNextVersion() {
        Project project = saveProjects.insert(aProject().of(account).build());
        DeploymentId live = DeploymentId.generate();
        Instant at = T0.plusSeconds(90).plusMillis(5);

        Project updated = saveProjects.update(project.recordLive(live, true, at));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.liveProductionDeployment()).isEqualTo(live);
        assertThat(updated.lastDeployAt()).isEqualTo(at);
        assertThat(projects.findById(account, project.id())).contains(updated);

        Project archived = saveProjects.update(updated.archive());
        assertThat(projects.findById(account, project.id())).contains(archived);
        assertThat(archived.version()).isEqualTo(2);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConcurrentModificationAndChangesNothing() {
        Project read = saveProjects.insert(aProject().of(account).build());
        Project winner = saveProjects.update(read.recordLive(DeploymentId.generate(), true, T0.plusSeconds(1)));

        assertThatThrownBy(() -> saveProjects.update(read.archive())).isInstanceOf(ConcurrentModification.class);
        assertThat(projects.findById(account, read.id())).contains(winner);
    }

    @Test
    void anUpdateOfAProjectThatWasNeverStoredIsNotFound() {
        Project never = aProject().of(account).build();

        assertThatThrownBy(() -> saveProjects.update(never)).isInstanceOf(NotFound.class);
    }

    @Test
    void aProjectIsBuildingWhileOneOfItsDeploymentsIsQueuedBuildingOrDeploying() {
        Project idle = saveProjects.insert(aProject().of(account).build());
        Project queued = saveProjects.insert(aProject().of(account).build());
        Project building = saveProjects.insert(aProject().of(account).build());
        Project deploying = saveProjects.insert(aProject().of(account).build());
        Project finished = saveProjects.insert(aProject().of(account).build());
        saveDeployments.insert(aDeployment().of(queued).build());
        saveDeployments.insert(aDeployment().of(building).build().startBuilding(T0.plusSeconds(1)));
        saveDeployments.insert(aDeployment().of(deploying).build().startBuilding(T0.plusSeconds(1)).startDeploying());
        saveDeployments.insert(aDeployment().of(finished).buildSucceeded());
        saveDeployments.insert(aDeployment().of(finished).build().fail(T0.plusSeconds(2), "broken"));
        saveDeployments.insert(aDeployment().of(finished).build().cancel(T0.plusSeconds(2), "key_0123456789"));

        assertThat(overview(idle).building()).isFalse();
        assertThat(overview(queued).building()).isTrue();
        assertThat(overview(building).building()).isTrue();
        assertThat(overview(deploying).building()).isTrue();
        assertThat(overview(finished).building()).isFalse();
        assertThat(overview(finished).project()).isEqualTo(finished);
    }

    @Test
    void aProjectStopsBuildingWhenItsLastActiveDeploymentEnds() {
        Project project = saveProjects.insert(aProject().of(account).build());
        Deployment deployment = saveDeployments.insert(aDeployment().of(project).build());
        assertThat(overview(project).reportedStatus()).isEqualTo(ReportedProjectStatus.BUILDING);

        saveDeployments.update(deployment.cancel(T0.plusSeconds(1), "key_0123456789"));

        assertThat(overview(project).reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
    }

    @Test
    void listsAreNewestFirstWithTiesBrokenByIdDescendingAndHoldOnlyTheAccountsProjects() {
        List<Project> mine = insertProjects(T0, T0.plusSeconds(3), T0.plusSeconds(3), T0.plusSeconds(3),
                T0.plusSeconds(1));
        saveProjects.insert(aProject().of(anAccountSlug()).createdAt(T0.plusSeconds(2)).build());

        Page<ProjectOverview> page = projects.list(filter(Optional.empty()), PageRequest.offset(0, 100));

        assertThat(projectsOf(page)).containsExactlyElementsOf(mine.stream().sorted(NEWEST_FIRST).toList());
        assertThat(page.total()).hasValue(5);
    }

    @Test
    void offsetPagesCountTheWholeList() {
        List<Project> expected = insertProjects(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3),
                T0.plusSeconds(4)).stream().sorted(NEWEST_FIRST).toList();

        Page<ProjectOverview> middle = projects.list(filter(Optional.empty()), PageRequest.offset(2, 2));
        Page<ProjectOverview> last = projects.list(filter(Optional.empty()), PageRequest.offset(3, 2));
        Page<ProjectOverview> beyond = projects.list(filter(Optional.empty()), PageRequest.offset(5, 2));

        assertThat(projectsOf(middle)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(middle.total()).hasValue(5);
        assertThat(middle.hasMore()).isTrue();
        assertThat(projectsOf(last)).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).hasValue(5);
    }

    @Test
    void keysetPagesWalkTheWholeListAndRowsInsertedMeanwhileNeitherRepeatNorVanish() {
        List<Project> before = insertProjects(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(2),
                T0.plusSeconds(3));
        Page<ProjectOverview> first = projects.list(filter(Optional.empty()), PageRequest.first(3));
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEmpty();

        Project newer = insertProjects(T0.plusSeconds(9)).get(0);
        Project older = insertProjects(T0).get(0);
        List<Project> seen = new ArrayList<>(projectsOf(first));
        Page<ProjectOverview> page = first;
        while (page.hasMore()) {
            Project last = projectsOf(page).get(page.items().size() - 1);
            page = projects.list(filter(Optional.empty()),
                    PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 3));
            seen.addAll(projectsOf(page));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(older).doesNotContain(newer)
                .isSortedAccordingTo(NEWEST_FIRST);
    }

    @Test
    void aProjectRestrictionListsOnlyThoseProjects() {
        List<Project> all = insertProjects(T0, T0.plusSeconds(1), T0.plusSeconds(2));

        Page<ProjectOverview> page = projects.list(new ProjectFilter(account,
                Set.of(all.get(0).id(), all.get(2).id()), Optional.empty()), PageRequest.offset(0, 10));

        assertThat(projectsOf(page)).containsExactly(all.get(2), all.get(0));
        assertThat(page.total()).hasValue(2);
    }

    @Test
    void theStatusFilterSelectsActiveArchivedOrBuildingProjectsBeforePaging() {
        Project active = saveProjects.insert(aProject().of(account).createdAt(T0).build());
        Project idleAgain = saveProjects.insert(aProject().of(account).createdAt(T0.plusSeconds(1)).build());
        Project building = saveProjects.insert(aProject().of(account).createdAt(T0.plusSeconds(2)).build());
        Project archived = saveProjects.insert(aProject().of(account).archived().createdAt(T0.plusSeconds(3)).build());
        Project archivedWhileBuilding = saveProjects.insert(aProject().of(account).archived()
                .createdAt(T0.plusSeconds(4)).build());
        saveDeployments.insert(aDeployment().of(idleAgain).buildSucceeded());
        saveDeployments.insert(aDeployment().of(building).build().startBuilding(T0.plusSeconds(5)));
        saveDeployments.insert(aDeployment().of(archivedWhileBuilding).build());

        Page<ProjectOverview> activeOnes = projects.list(filter(Optional.of(ReportedProjectStatus.ACTIVE)),
                PageRequest.offset(0, 1));
        Page<ProjectOverview> buildingOnes = projects.list(filter(Optional.of(ReportedProjectStatus.BUILDING)),
                PageRequest.first(10));
        Page<ProjectOverview> archivedOnes = projects.list(filter(Optional.of(ReportedProjectStatus.ARCHIVED)),
                PageRequest.offset(0, 10));

        assertThat(projectsOf(activeOnes)).containsExactly(idleAgain);
        assertThat(activeOnes.total()).hasValue(2);
        assertThat(activeOnes.hasMore()).isTrue();
        assertThat(projects.list(filter(Optional.of(ReportedProjectStatus.ACTIVE)), PageRequest.offset(1, 1)).items())
                .extracting(ProjectOverview::project).containsExactly(active);
        assertThat(buildingOnes.items()).containsExactly(new ProjectOverview(building, true));
        assertThat(buildingOnes.hasMore()).isFalse();
        assertThat(projectsOf(archivedOnes)).containsExactly(archivedWhileBuilding, archived);
        assertThat(archivedOnes.items()).extracting(ProjectOverview::reportedStatus)
                .containsOnly(ReportedProjectStatus.ARCHIVED);
    }

    private ProjectOverview overview(Project project) {
        return projects.findOverview(account, project.id()).orElseThrow();
    }

    private ProjectFilter filter(Optional<ReportedProjectStatus> status) {
        return new ProjectFilter(account, Set.of(), status);
    }

    private List<Project> insertProjects(Instant... createdAt) {
        return IntStream.range(0, createdAt.length)
                .mapToObj(i -> saveProjects.insert(aProject().of(account).createdAt(createdAt[i]).build()))
                .toList();
    }

    private static List<Project> projectsOf(Page<ProjectOverview> page) {
        return page.items().stream().map(ProjectOverview::project).toList();
    }
}
