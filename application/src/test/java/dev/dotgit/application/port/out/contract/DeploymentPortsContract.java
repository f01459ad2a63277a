package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.DeploymentQuery;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.RepositoryId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link LoadDeploymentPort}, {@link SaveDeploymentPort} and {@link DeleteDeploymentPort}. */
public abstract class DeploymentPortsContract {

    private static final Comparator<Deployment> NEWEST_FIRST = Comparator.comparing(Deployment::createdAt)
            .thenComparing(d -> d.id().value()).reversed();
    private static final String OTHER_SHA = "fedcba9876543210fedcba9876543210fedcba98";

    private PersistencePorts ports;
    private LoadDeploymentPort deployments;
    private SaveDeploymentPort saveDeployments;
    private DeleteDeploymentPort deleteDeployments;
    private AccountSlug account;
    private Project project;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        ports = ports();
        deployments = ports.loadDeployments();
        saveDeployments = ports.saveDeployments();
        deleteDeployments = ports.deleteDeployments();
        account = anAccountSlug();
        project = aProject().of(account).build();
    }

    @Test
    void aQueuedDeploymentReadsBackWithItsVariablesIntact() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("QUOTED", "say \"hello\" and 'bye'");
        variables.put("BACKSLASHES", "C:\\path\\to\\ \\\\server\\");
        variables.put("LINES", "one\ntwo\r\n\tindented");
        variables.put("UNICODE", "ünïcödé 中文 😀 \u2028");
        variables.put("CONTROL", "bell\u0007 escape\u001b delete\u007f");
        variables.put("LONE_SURROGATE", "\ud800 alone");
        variables.put("EMPTY", "");
        variables.put("JSON_LIKE", "{\"a\": [1, 2]}, null, \\u0041");
        variables.put("_lower_9", "trailing space ");
        Deployment queued = aDeployment().of(project).branch("feature/new-ui").commit(OTHER_SHA).to(Environment.PREVIEW)
                .strategy(Strategy.CANARY).autoRollback().envVars(variables).createdAt(T0.plusMillis(999)).build();

        Deployment inserted = saveDeployments.insert(queued);

        assertThat(inserted).isEqualTo(queued);
        assertThat(deployments.findById(queued.id())).hasValueSatisfying(read -> {
            assertThat(read).isEqualTo(queued);
            assertThat(read.envVars().values()).containsExactlyInAnyOrderEntriesOf(variables);
        });
    }

    @Test
    void aDeploymentWithoutVariablesReadsBackWithoutVariables() {
        Deployment queued = saveDeployments.insert(aDeployment().of(project).build());

        assertThat(deployments.findById(queued.id())).hasValueSatisfying(read -> {
            assertThat(read).isEqualTo(queued);
            assertThat(read.envVars().isEmpty()).isTrue();
        });
    }

    @Test
    void finishedDeploymentsReadBackWithEveryField() {
        Instant started = T0.plusSeconds(1).plusMillis(1);
        Instant ended = T0.plusSeconds(14).plusMillis(201);
        Deployment succeeded = aDeployment().of(project).build().startBuilding(started).startDeploying()
                .succeed(ended);
        Deployment rolledBack = aDeployment().of(project).autoRollback().build().startBuilding(started)
                .advanceProgress(42).fail(ended, "Build command exited with code 2: \"npm\" ✗")
                .recordRollback(succeeded.id());
        Deployment cancelled = aDeployment().of(project).to(Environment.STAGING).build()
                .cancel(T0.plusMillis(500), "key_abcdefghij");

        for (Deployment deployment : List.of(succeeded, rolledBack, cancelled)) {
            saveDeployments.insert(deployment);
            assertThat(deployments.findById(deployment.id())).contains(deployment);
        }
        assertThat(deployments.findById(succeeded.id()).orElseThrow().buildDuration())
                .contains(Duration.ofMillis(13_200));
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertThat(deployments.findById(DeploymentId.generate())).isEmpty();
    }

    @Test
    void theSameDeploymentCannotBeInsertedTwice() {
        Deployment deployment = saveDeployments.insert(aDeployment().of(project).build());

        assertThatThrownBy(() -> saveDeployments.insert(deployment.cancel(T0.plusSeconds(1), "key_abcdefghij")))
                .isInstanceOf(AlreadyExists.class);
        assertThat(deployments.findById(deployment.id())).contains(deployment);
    }

    @Test
    void eachUpdateWritesTheNewStateAtTheNextVersion() {
        Deployment queued = saveDeployments.insert(aDeployment().of(project).build());

        Deployment building = saveDeployments.update(queued.startBuilding(T0.plusSeconds(1)));
        Deployment deploying = saveDeployments.update(building.startDeploying());
        Deployment live = saveDeployments.update(deploying.succeed(T0.plusSeconds(9)));

        assertThat(List.of(building.version(), deploying.version(), live.version())).containsExactly(1L, 2L, 3L);
        assertThat(deployments.findById(queued.id())).contains(live);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConcurrentModificationAndChangesNothing() {
        Deployment read = saveDeployments.insert(aDeployment().of(project).build());
        Deployment winner = saveDeployments.update(read.cancel(T0.plusSeconds(1), "key_abcdefghij"));

        assertThatThrownBy(() -> saveDeployments.update(read.startBuilding(T0.plusSeconds(2))))
                .isInstanceOf(ConcurrentModification.class);
        assertThat(deployments.findById(read.id())).contains(winner);
    }

    @Test
    void anUpdateOfADeletedDeploymentIsNotFound() {
        Deployment read = saveDeployments.insert(aDeployment().of(project).build());
        deleteDeployments.delete(read);

        assertThatThrownBy(() -> saveDeployments.update(read.startBuilding(T0.plusSeconds(1))))
                .isInstanceOf(NotFound.class);
        assertThat(deployments.findById(read.id())).isEmpty();
    }

    @Test
    void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        Deployment read = saveDeployments.insert(aDeployment().of(project).build().startBuilding(T0));
        RunInTransactionPort transactions = ports.transactions();
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Deployment>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int progress = 20 + i;
                Callable<Deployment> write = () -> {
                    start.await();
                    return transactions.inTransaction(() -> saveDeployments.update(read.advanceProgress(progress)));
                };
                outcomes.add(pool.submit(write));
            }
            start.countDown();

            List<Deployment> winners = new ArrayList<>();
            int conflicts = 0;
            for (Future<Deployment> outcome : outcomes) {
                try {
                    winners.add(outcome.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConcurrentModification.class);
                    conflicts++;
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(conflicts).isEqualTo(writers - 1);
            assertThat(deployments.findById(read.id())).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeleteRemovesTheDeploymentAndItsLog() {
        Deployment deployment = saveDeployments.insert(aDeployment().of(project).build());
        ports.appendLogs().append(deployment.id(), List.of(LogEntry.info(T0, "queued"), LogEntry.info(T0, "again")));

        deleteDeployments.delete(deployment);

        assertThat(deployments.findById(deployment.id())).isEmpty();
        Page<?> log = ports.loadLogs().read(deployment.id(), LogRange.offset(0, 10));
        assertThat(log.items()).isEmpty();
        assertThat(log.total()).hasValue(0);
    }

    @Test
    void aDeleteAtAStaleVersionIsAConcurrentModificationAndRemovesNothing() {
        Deployment read = saveDeployments.insert(aDeployment().of(project).build());
        Deployment changed = saveDeployments.update(read.startBuilding(T0.plusSeconds(1)));
        ports.appendLogs().append(read.id(), List.of(LogEntry.info(T0, "kept")));

        assertThatThrownBy(() -> deleteDeployments.delete(read)).isInstanceOf(ConcurrentModification.class);

        assertThat(deployments.findById(read.id())).contains(changed);
        assertThat(ports.loadLogs().read(read.id(), LogRange.offset(0, 10)).total()).hasValue(1);
    }

    @Test
    void deletingADeploymentThatIsAlreadyGoneDoesNothing() {
        Deployment deployment = saveDeployments.insert(aDeployment().of(project).build());
        deleteDeployments.delete(deployment);

        deleteDeployments.delete(deployment);
        deleteDeployments.delete(aDeployment().of(project).build());

        assertThat(deployments.findById(deployment.id())).isEmpty();
    }

    @Test
    void listsAreNewestFirstWithTiesBrokenByIdDescendingAndHoldOnlyTheAccountsDeployments() {
        List<Deployment> mine = List.of(
                insert(aDeployment().of(project).createdAt(T0).build()),
                insert(aDeployment().of(project).createdAt(T0.plusSeconds(2)).build()),
                insert(aDeployment().of(project).createdAt(T0.plusSeconds(2)).build()),
                insert(aDeployment().of(project).createdAt(T0.plusSeconds(2)).build()),
                insert(aDeployment().of(project).createdAt(T0.plusSeconds(1)).build()));
        insert(aDeployment().ofAccount(anAccountSlug()).createdAt(T0.plusSeconds(3)).build());

        Page<Deployment> page = deployments.list(DeploymentQuery.allOf(account), PageRequest.offset(0, 100));

        assertThat(page.items()).containsExactlyElementsOf(mine.stream().sorted(NEWEST_FIRST).toList());
        assertThat(page.total()).hasValue(5);
    }

    @Test
    void offsetPagesCountTheWholeFilteredList() {
        List<Deployment> expected = IntStream.range(0, 5)
                .mapToObj(i -> insert(aDeployment().of(project).createdAt(T0.plusSeconds(i)).build()))
                .sorted(NEWEST_FIRST).toList();
        insert(aDeployment().of(project).to(Environment.STAGING).createdAt(T0.plusSeconds(9)).build());
        DeploymentQuery production = query(Optional.empty(), Optional.empty(), Set.of(),
                Optional.of(Environment.PRODUCTION), Set.of(), Set.of());

        Page<Deployment> first = deployments.list(production, PageRequest.offset(0, 3));
        Page<Deployment> second = deployments.list(production, PageRequest.offset(3, 3));
        Page<Deployment> beyond = deployments.list(production, PageRequest.offset(7, 3));

        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(first.total()).hasValue(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(second.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).hasValue(5);
    }

    @Test
    void keysetPagesWalkTheWholeListAndRowsInsertedMeanwhileNeitherRepeatNorVanish() {
        List<Deployment> before = IntStream.range(1, 6)
                .mapToObj(i -> insert(aDeployment().of(project).createdAt(T0.plusSeconds(i / 2)).build()))
                .toList();
        Page<Deployment> first = deployments.list(DeploymentQuery.allOf(account), PageRequest.first(2));
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEmpty();

        Deployment newer = insert(aDeployment().of(project).createdAt(T0.plusSeconds(30)).build());
        Deployment older = insert(aDeployment().of(project).createdAt(T0.minusSeconds(30)).build());
        List<Deployment> seen = new ArrayList<>(first.items());
        Page<Deployment> page = first;
        while (page.hasMore()) {
            Deployment last = page.items().get(page.items().size() - 1);
            page = deployments.list(DeploymentQuery.allOf(account),
                    PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 2));
            seen.addAll(page.items());
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(older).doesNotContain(newer)
                .isSortedAccordingTo(NEWEST_FIRST).hasSize(before.size() + 1);
        assertThat(page.items()).isNotEmpty();
    }

    @Test
    void aKeysetPageThatEndsExactlyAtTheLastRowHasNoMore() {
        insert(aDeployment().of(project).createdAt(T0).build());
        insert(aDeployment().of(project).createdAt(T0.plusSeconds(1)).build());

        assertThat(deployments.list(DeploymentQuery.allOf(account), PageRequest.first(2)).hasMore()).isFalse();
        assertThat(deployments.list(DeploymentQuery.allOf(account), PageRequest.first(1)).hasMore()).isTrue();
    }

    @Test
    void everyFilterAndRestrictionNarrowsTheListAndTheyCombineAsAnIntersection() {
        Project web = project;
        Project api = aProject().of(account).build();
        Deployment d1 = insert(aDeployment().of(web).to(Environment.PRODUCTION).createdAt(T0.plusSeconds(1))
                .buildSucceeded());
        Deployment d2 = insert(aDeployment().of(web).to(Environment.STAGING).createdAt(T0.plusSeconds(2)).build());
        Deployment d3 = insert(aDeployment().of(api).to(Environment.PREVIEW).createdAt(T0.plusSeconds(3)).build()
                .fail(T0.plusSeconds(4), "broken"));
        Deployment d4 = insert(aDeployment().of(api).to(Environment.PRODUCTION).createdAt(T0.plusSeconds(4)).build()
                .startBuilding(T0.plusSeconds(5)));
        Deployment d5 = insert(aDeployment().of(web).to(Environment.PREVIEW).createdAt(T0.plusSeconds(5)).build()
                .cancel(T0.plusSeconds(6), "key_abcdefghij"));
        insert(aDeployment().ofAccount(anAccountSlug()).createdAt(T0.plusSeconds(6)).build());

        assertThat(list(query(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Set.of(), Set.of())))
                .containsExactly(d5, d4, d3, d2, d1);
        assertThat(list(query(Optional.of(web.id()), Optional.empty(), Set.of(), Optional.empty(), Set.of(), Set.of())))
                .containsExactly(d5, d2, d1);
        assertThat(list(query(Optional.empty(), Optional.of(api.repository()), Set.of(), Optional.empty(), Set.of(),
                Set.of()))).containsExactly(d4, d3);
        assertThat(list(query(Optional.empty(), Optional.empty(),
                Set.of(DeploymentStatus.QUEUED, DeploymentStatus.BUILDING), Optional.empty(), Set.of(), Set.of())))
                .containsExactly(d4, d2);
        assertThat(list(query(Optional.empty(), Optional.empty(), Set.of(), Optional.of(Environment.PRODUCTION),
                Set.of(), Set.of()))).containsExactly(d4, d1);
        assertThat(list(query(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Set.of(api.id()),
                Set.of()))).containsExactly(d4, d3);
        assertThat(list(query(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Set.of(),
                Set.of(Environment.PREVIEW, Environment.STAGING)))).containsExactly(d5, d3, d2);
        assertThat(list(query(Optional.of(web.id()), Optional.empty(), Set.of(), Optional.empty(), Set.of(),
                Set.of(Environment.PRODUCTION)))).containsExactly(d1);
        assertThat(list(query(Optional.of(web.id()), Optional.empty(), Set.of(), Optional.empty(), Set.of(api.id()),
                Set.of()))).isEmpty();
        assertThat(list(query(Optional.empty(), Optional.of(web.repository()), Set.of(DeploymentStatus.SUCCEEDED),
                Optional.of(Environment.STAGING), Set.of(), Set.of()))).isEmpty();
        assertThat(list(query(Optional.of(ProjectId.generate()), Optional.empty(), Set.of(), Optional.empty(),
                Set.of(), Set.of()))).isEmpty();
        assertThat(list(query(Optional.empty(), Optional.of(RepositoryId.generate()), Set.of(), Optional.empty(),
                Set.of(), Set.of()))).isEmpty();
    }

    @Test
    void previewsShowTheNewestPreviewDeploymentOfEachBranchNewestFirst() {
        insert(aDeployment().of(project).branch("feature-a").to(Environment.PREVIEW).createdAt(T0).build());
        Deployment newestOfA = insert(aDeployment().of(project).branch("feature-a").to(Environment.PREVIEW)
                .createdAt(T0.plusSeconds(5)).build());
        Deployment onlyOfB = insert(aDeployment().of(project).branch("feature-b").to(Environment.PREVIEW)
                .createdAt(T0.plusSeconds(3)).build());
        Deployment failedNewestOfMain = saveDeployments.update(insert(aDeployment().of(project).branch("main")
                .to(Environment.PREVIEW).createdAt(T0.plusSeconds(4)).build()).fail(T0.plusSeconds(6), "boom"));
        insert(aDeployment().of(project).branch("main").to(Environment.PREVIEW).createdAt(T0.plusSeconds(1)).build());
        insert(aDeployment().of(project).branch("feature-a").to(Environment.PRODUCTION)
                .createdAt(T0.plusSeconds(9)).build());
        insert(aDeployment().ofAccount(project.account()).branch("feature-c").to(Environment.PREVIEW)
                .createdAt(T0.plusSeconds(9)).build());

        Page<Deployment> first = deployments.listNewestPreviewPerBranch(account, project.repository(), Set.of(),
                PageRequest.first(2));
        Deployment last = first.items().get(1);
        Page<Deployment> second = deployments.listNewestPreviewPerBranch(account, project.repository(), Set.of(),
                PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 2));

        assertThat(first.items()).extracting(Deployment::id).containsExactly(newestOfA.id(), failedNewestOfMain.id());
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Deployment::id).containsExactly(onlyOfB.id());
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void previewsHonourTheAccountAndTheProjectRestriction() {
        Project sibling = aProject().of(account).build();
        Deployment mine = insert(aDeployment().of(project).branch("feature").to(Environment.PREVIEW).build());
        insert(aDeployment().ofAccount(anAccountSlug()).branch("feature").to(Environment.PREVIEW).build());

        assertThat(deployments.listNewestPreviewPerBranch(account, project.repository(), Set.of(project.id()),
                PageRequest.first(10)).items()).extracting(Deployment::id).containsExactly(mine.id());
        assertThat(deployments.listNewestPreviewPerBranch(account, project.repository(), Set.of(sibling.id()),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(deployments.listNewestPreviewPerBranch(anAccountSlug(), project.repository(), Set.of(),
                PageRequest.first(10)).items()).isEmpty();
    }

    private Deployment insert(Deployment deployment) {
        return saveDeployments.insert(deployment);
    }

    private DeploymentQuery query(Optional<ProjectId> projectId, Optional<RepositoryId> repository,
                                  Set<DeploymentStatus> statuses, Optional<Environment> environment,
                                  Set<ProjectId> onlyProjects, Set<Environment> onlyEnvironments) {
        return new DeploymentQuery(account, projectId, repository, statuses, environment, onlyProjects,
                onlyEnvironments);
    }

    /** The whole list both ways: an offset page with its total, and keyset pages; both must agree. */
    private List<Deployment> list(DeploymentQuery query) {
        Page<Deployment> counted = deployments.list(query, PageRequest.offset(0, 100));
        assertThat(counted.total()).hasValue(counted.items().size());
        List<Deployment> walked = new ArrayList<>();
        Page<Deployment> page = deployments.list(query, PageRequest.first(2));
        walked.addAll(page.items());
        while (page.hasMore()) {
            Deployment last = page.items().get(page.items().size() - 1);
            page = deployments.list(query, PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 2));
            walked.addAll(page.items());
        }
        assertThat(walked).containsExactlyElementsOf(counted.items());
        return counted.items();
    }
}
