package dev.dotgit.application.service.deployment;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.DeploymentLog;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GetDeploymentService}, {@code ListDeploymentsService} and {@code ReadDeploymentLogsService}. */
class DeploymentQueriesTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;
    ProjectOverview api;
    Deployment webProduction;
    Deployment webStaging;
    Deployment apiProduction;
    Deployment apiPreview;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
        api = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null, null));
        webProduction = trigger(web, Environment.PRODUCTION);
        platform.runScheduledPipelines(); // succeeded
        webStaging = trigger(web, Environment.STAGING);
        apiProduction = trigger(api, Environment.PRODUCTION);
        apiPreview = trigger(api, Environment.PREVIEW);
    }

    private Deployment trigger(ProjectOverview project, Environment environment) {
        Deployment deployment = platform.triggerDeployment.trigger(admin, aTriggerOf(project).to(environment).build());
        platform.clock.advance(Duration.ofSeconds(1));
        return deployment;
    }

    private Page<Deployment> list(Caller caller, DeploymentListFilter filter) {
        return platform.listDeployments.list(caller, filter, PageRequest.offset(0, 100));
    }

    private static DeploymentListFilter filter(String project, String repository, Set<DeploymentStatus> statuses,
                                               Environment environment) {
        return new DeploymentListFilter(Optional.ofNullable(project), Optional.ofNullable(repository), statuses,
                Optional.ofNullable(environment));
    }

    private static List<DeploymentId> ids(Page<Deployment> page) {
        return page.items().stream().map(Deployment::id).toList();
    }

    @Test
    void getShowsTheStoredDeployment() {
        Deployment got = platform.getDeployment.get(admin, webProduction.id().value());

        assertThat(got.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(got.project()).isEqualTo(web.project().id());
        assertThatThrownBy(() -> platform.getDeployment.get(admin, "dep_missing000")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.getDeployment.get(admin, "garbage")).isInstanceOf(NotFound.class);
    }

    @Test
    void theListIsNewestFirstWithTotals() {
        Page<Deployment> all = list(admin, DeploymentListFilter.ALL);

        assertThat(ids(all)).containsExactly(apiPreview.id(), apiProduction.id(), webStaging.id(),
                webProduction.id());
        assertThat(all.total()).hasValue(4);
        Page<Deployment> second = platform.listDeployments.list(admin, DeploymentListFilter.ALL,
                PageRequest.offset(1, 2));
        assertThat(ids(second)).containsExactly(apiProduction.id(), webStaging.id());
        assertThat(second.hasMore()).isTrue();
        assertThat(second.total()).hasValue(4);
    }

    @Test
    void keysetPagesContinueAfterTheLastRowSeen() {
        Page<Deployment> first = platform.listDeployments.list(admin, DeploymentListFilter.ALL, PageRequest.first(3));
        Deployment last = first.items().get(2);
        Page<Deployment> rest = platform.listDeployments.list(admin, DeploymentListFilter.ALL,
                PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 3));

        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEmpty();
        assertThat(ids(rest)).containsExactly(webProduction.id());
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void filtersByProjectRepositoryStatusesAndEnvironment() {
        assertThat(ids(list(admin, filter(web.project().id().value(), null, Set.of(), null))))
                .containsExactly(webStaging.id(), webProduction.id());
        assertThat(ids(list(admin, filter(null, api.project().repository().value(), Set.of(), null))))
                .containsExactly(apiPreview.id(), apiProduction.id());
        assertThat(ids(list(admin, filter(null, null, Set.of(DeploymentStatus.SUCCEEDED), null))))
                .containsExactly(webProduction.id());
        assertThat(ids(list(admin, filter(null, null, Set.of(DeploymentStatus.QUEUED, DeploymentStatus.SUCCEEDED),
                null)))).hasSize(4);
        assertThat(ids(list(admin, filter(null, null, Set.of(), Environment.PRODUCTION))))
                .containsExactly(apiProduction.id(), webProduction.id());
        assertThat(ids(list(admin, filter(web.project().id().value(), null, Set.of(DeploymentStatus.QUEUED),
                Environment.STAGING)))).containsExactly(webStaging.id());
        assertThat(ids(list(admin, filter(web.project().id().value(), api.project().repository().value(), Set.of(),
                null)))).isEmpty();
    }

    @Test
    void keyRestrictionsIntersectWithTheFilters() {
        Caller webOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(web.project().id()).build());
        Caller productionOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(Environment.PRODUCTION).build());

        assertThat(ids(list(webOnly, DeploymentListFilter.ALL))).containsExactly(webStaging.id(), webProduction.id());
        assertThat(ids(list(webOnly, filter(null, null, Set.of(), Environment.PRODUCTION))))
                .containsExactly(webProduction.id());
        assertThat(ids(list(webOnly, filter(api.project().id().value(), null, Set.of(), null)))).isEmpty();
        assertThat(ids(list(webOnly, filter(null, api.project().repository().value(), Set.of(), null)))).isEmpty();

        assertThat(ids(list(productionOnly, DeploymentListFilter.ALL)))
                .containsExactly(apiProduction.id(), webProduction.id());
        Page<Deployment> staging = list(productionOnly, filter(null, null, Set.of(), Environment.STAGING));
        assertThat(staging.items()).isEmpty();
        assertThat(staging.total()).hasValue(0);
    }

    @Test
    void aFilterNamingAnotherAccountsOrAMalformedIdYieldsAnEmptyPage() {
        Caller other = platform.adminOf("other");
        ProjectOverview theirs = platform.createProject.create(other, CreateProjectCommand.of("theirs", null, null,
                null, null));
        platform.triggerDeployment.trigger(other, aTriggerOf(theirs).build());

        for (DeploymentListFilter foreign : List.of(
                filter(theirs.project().id().value(), null, Set.of(), null),
                filter(null, theirs.project().repository().value(), Set.of(), null),
                filter("not-an-id", null, Set.of(), null),
                filter(null, "repo_x", Set.of(), null))) {
            Page<Deployment> page = list(admin, foreign);
            assertThat(page.items()).as(foreign.toString()).isEmpty();
            assertThat(page.total()).as(foreign.toString()).hasValue(0);
        }
        assertThat(ids(list(other, DeploymentListFilter.ALL))).hasSize(1);
        assertThat(list(admin, DeploymentListFilter.ALL).total()).hasValue(4);
    }

    @Test
    void deploymentsOutsideAKeysRestrictionsAreNotFound() {
        Caller webOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(web.project().id()).build());
        Caller stagingOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(Environment.STAGING).build());
        Caller other = platform.adminOf("other");

        assertThat(platform.getDeployment.get(webOnly, webStaging.id().value()).id()).isEqualTo(webStaging.id());
        assertThat(platform.getDeployment.get(stagingOnly, webStaging.id().value()).id()).isEqualTo(webStaging.id());
        assertThatThrownBy(() -> platform.getDeployment.get(webOnly, apiProduction.id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.getDeployment.get(stagingOnly, webProduction.id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.getDeployment.get(other, webProduction.id().value()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage())
                        .isEqualTo("No deployment found with id '" + webProduction.id().value() + "'."));
    }

    @Test
    void logsAreReadByOffsetWithATotal() {
        List<LogLine> all = platform.readDeploymentLogs.read(admin, webProduction.id().value(),
                LogRange.offset(0, 1000)).lines().items();
        assertThat(all.size()).isGreaterThan(3);
        assertThat(all).extracting(LogLine::seq)
                .containsExactly(LongStream.rangeClosed(1, all.size()).boxed().toArray(Long[]::new));

        DeploymentLog slice = platform.readDeploymentLogs.read(admin, webProduction.id().value(),
                LogRange.offset(1, 2));

        assertThat(slice.deployment().id()).isEqualTo(webProduction.id());
        assertThat(slice.lines().items()).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(slice.lines().total()).hasValue(all.size());
        assertThat(slice.lines().hasMore()).isTrue();
    }

    @Test
    void logsAreReadAfterASequenceNumberUntilTheEnd() {
        List<LogLine> all = platform.readDeploymentLogs.read(admin, webProduction.id().value(),
                LogRange.offset(0, 1000)).lines().items();

        List<LogLine> resumed = new ArrayList<>();
        long after = 1;
        Page<LogLine> page;
        do {
            page = platform.readDeploymentLogs.read(admin, webProduction.id().value(), LogRange.after(after, 2))
                    .lines();
            resumed.addAll(page.items());
            if (!page.items().isEmpty()) {
                after = page.items().get(page.items().size() - 1).seq();
            }
        } while (page.hasMore());

        assertThat(resumed).containsExactlyElementsOf(all.subList(1, all.size()));
        assertThat(page.total()).isEmpty();
        assertThat(platform.readDeploymentLogs.read(admin, webProduction.id().value(),
                LogRange.after(all.size(), 10)).lines().items()).isEmpty();
    }

    @Test
    void logsFollowTheVisibilityRulesOfGet() {
        Caller stagingOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(Environment.STAGING).build());
        Caller apiOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(api.project().id()).build());
        Caller other = platform.adminOf("other");

        assertThat(platform.readDeploymentLogs.read(stagingOnly, webStaging.id().value(), LogRange.offset(0, 10))
                .lines().items()).isNotEmpty();
        for (Caller hidden : List.of(stagingOnly, apiOnly, other)) {
            assertThatThrownBy(() -> platform.readDeploymentLogs.read(hidden, webProduction.id().value(),
                    LogRange.offset(0, 10))).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> platform.readDeploymentLogs.read(hidden, webProduction.id().value(),
                    LogRange.after(0, 10))).isInstanceOf(NotFound.class);
        }
    }
}
