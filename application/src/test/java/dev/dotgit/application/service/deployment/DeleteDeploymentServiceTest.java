package dev.dotgit.application.service.deployment;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.in.deployment.DeploymentListFilter;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.DeploymentInUse;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteDeploymentServiceTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;
    ExecutorService thread;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, null, "npm run build", null));
        thread = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        thread.shutdownNow();
        assertThat(thread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private Deployment deployAndRun(Environment environment) {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).to(environment).build());
        platform.clock.advance(Duration.ofSeconds(1));
        platform.runPipeline.run(queued.id());
        return platform.getDeployment.get(admin, queued.id().value());
    }

    private boolean siteAnswers(Deployment deployment) {
        return platform.serveSite.find(new SiteRequest(deployment.id().value() + ".localhost:8080", "/")).isPresent();
    }

    @Test
    void deleteRemovesTheDeploymentItsLogAndItsSite() {
        Deployment staging = deployAndRun(Environment.STAGING);
        assertThat(siteAnswers(staging)).isTrue();

        platform.deleteDeployment.delete(admin, staging.id().value());

        assertThatThrownBy(() -> platform.getDeployment.get(admin, staging.id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.readDeploymentLogs.read(admin, staging.id().value(),
                LogRange.offset(0, 10))).isInstanceOf(NotFound.class);
        assertThat(platform.store.read(staging.id(), LogRange.offset(0, 10)).total()).hasValue(0);
        assertThat(platform.listDeployments.list(admin, DeploymentListFilter.ALL, PageRequest.offset(0, 10)).items())
                .isEmpty();
        assertThat(platform.sites.filesOf(staging.id())).isEmpty();
        assertThat(siteAnswers(staging)).isFalse();
        assertThatThrownBy(() -> platform.deleteDeployment.delete(admin, staging.id().value()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theLiveProductionDeploymentCannotBeDeleted() {
        Deployment live = deployAndRun(Environment.PRODUCTION);

        assertThatThrownBy(() -> platform.deleteDeployment.delete(admin, live.id().value()))
                .isInstanceOfSatisfying(DeploymentInUse.class, e -> {
                    assertThat(e.code()).isEqualTo("deployment_in_use");
                    assertThat(e.details()).containsEntry("deployment_id", live.id().value());
                });
        assertThat(platform.getDeployment.get(admin, live.id().value())).isEqualTo(live);
        assertThat(siteAnswers(live)).isTrue();
        assertThat(platform.serveSite.find(new SiteRequest("web.localhost:8080", "/"))).isPresent();
    }

    @Test
    void aProductionDeploymentNoLongerLiveCanBeDeleted() {
        Deployment first = deployAndRun(Environment.PRODUCTION);
        Deployment second = deployAndRun(Environment.PRODUCTION);

        platform.deleteDeployment.delete(admin, first.id().value());

        assertThatThrownBy(() -> platform.getDeployment.get(admin, first.id().value())).isInstanceOf(NotFound.class);
        assertThat(platform.getProject.get(admin, web.project().id().value()).project().liveProductionDeployment())
                .isEqualTo(second.id());
    }

    @Test
    void deleteRequiresTheAdminScope() {
        Deployment staging = deployAndRun(Environment.STAGING);

        for (Scope scope : List.of(Scope.READ, Scope.WRITE)) {
            Caller caller = platform.register(anApiKey().of(admin.account()).scopes(scope).build());
            assertThatThrownBy(() -> platform.deleteDeployment.delete(caller, staging.id().value()))
                    .isInstanceOfSatisfying(InsufficientScope.class, e -> {
                        assertThat(e.code()).isEqualTo("insufficient_scope");
                        assertThat(e.details()).containsEntry("required_scope", "deploy:admin");
                    });
        }
        assertThat(platform.getDeployment.get(admin, staging.id().value())).isEqualTo(staging);
    }

    @Test
    void deploymentsOutsideTheCallersReachAreNotFound() {
        Deployment staging = deployAndRun(Environment.STAGING);
        Caller productionOnly = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.PRODUCTION)
                .build());
        Caller other = platform.adminOf("other");

        for (Caller caller : List.of(productionOnly, other)) {
            assertThatThrownBy(() -> platform.deleteDeployment.delete(caller, staging.id().value()))
                    .isInstanceOf(NotFound.class);
        }
        assertThat(platform.getDeployment.get(admin, staging.id().value())).isEqualTo(staging);
    }

    @Test
    void deletingAnActiveDeploymentStopsItsBuild() throws Exception {
        platform.builds.blockingUntilCancelled();
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());
        Future<?> pipeline = thread.submit(() -> platform.runPipeline.run(queued.id()));
        assertThat(platform.builds.awaitStarted(5)).isTrue();
        assertThat(platform.getDeployment.get(admin, queued.id().value()).status())
                .isEqualTo(DeploymentStatus.BUILDING);

        platform.deleteDeployment.delete(admin, queued.id().value());

        await().atMost(Duration.ofSeconds(5)).until(pipeline::isDone);
        pipeline.get();
        assertThatThrownBy(() -> platform.getDeployment.get(admin, queued.id().value()))
                .isInstanceOf(NotFound.class);
        assertThat(platform.store.read(queued.id(), LogRange.offset(0, 10)).total()).hasValue(0);
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();
        assertThat(platform.workspaces.exists(queued.id())).isFalse();
        assertThat(platform.activePipelines.count()).isZero();
        assertThat(platform.getProject.get(admin, web.project().id().value()).project().liveProductionDeployment())
                .isNull();
    }

    @Test
    void aDeleteRacingCompletionEitherRemovesEverythingOrIsRefusedBecauseTheDeploymentWentLive() throws Exception {
        for (int i = 0; i < 100; i++) {
            Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());
            platform.clock.advance(Duration.ofSeconds(1));
            CountDownLatch go = new CountDownLatch(1);
            Future<?> pipeline = thread.submit(() -> {
                go.await();
                platform.runPipeline.run(queued.id());
                return null;
            });
            Future<Boolean> delete = thread.submit(() -> {
                go.await();
                try {
                    platform.deleteDeployment.delete(admin, queued.id().value());
                    return true;
                } catch (DeploymentInUse refused) {
                    return false;
                }
            });

            go.countDown();
            boolean deleted = delete.get(5, TimeUnit.SECONDS);
            pipeline.get(5, TimeUnit.SECONDS);

            String outcome = "iteration " + i + ": delete " + (deleted ? "succeeded" : "refused");
            if (deleted) {
                assertThat(platform.store.findById(queued.id())).as(outcome).isEmpty();
                assertThat(platform.sites.filesOf(queued.id())).as(outcome).isEmpty();
                assertThat(siteAnswers(queued)).as(outcome).isFalse();
            } else {
                assertThat(platform.getDeployment.get(admin, queued.id().value()).status()).as(outcome)
                        .isEqualTo(DeploymentStatus.SUCCEEDED);
                assertThat(siteAnswers(queued)).as(outcome).isTrue();
                assertThat(platform.getProject.get(admin, web.project().id().value()).project()
                        .liveProductionDeployment()).as(outcome).isEqualTo(queued.id());
            }
            assertThat(platform.workspaces.exists(queued.id())).as(outcome).isFalse();
        }
    }
}
