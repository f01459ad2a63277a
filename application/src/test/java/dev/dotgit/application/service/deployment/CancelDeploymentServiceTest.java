package dev.dotgit.application.service.deployment;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.in.deployment.CancelDeploymentUseCase;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.pipeline.ActivePipelines;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.DeploymentNotCancellable;
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

class CancelDeploymentServiceTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, null, "npm run build", null));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private Deployment trigger() {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());
        platform.clock.advance(Duration.ofSeconds(1));
        return queued;
    }

    private Deployment get(Deployment deployment) {
        return platform.getDeployment.get(admin, deployment.id().value());
    }

    private List<LogLine> log(Deployment deployment) {
        return platform.readDeploymentLogs.read(admin, deployment.id().value(), LogRange.offset(0, 1000)).lines()
                .items();
    }

    @Test
    void aQueuedDeploymentIsCancelledByTheCallersKeyWithALogLine() {
        Deployment queued = trigger();

        Deployment cancelled = platform.cancelDeployment.cancel(admin, queued.id().value());

        assertThat(cancelled.status()).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo(admin.principal()).startsWith("key_");
        assertThat(cancelled.cancelledAt()).isEqualTo(platform.clock.instant());
        assertThat(cancelled.completedAt()).isEqualTo(platform.clock.instant());
        assertThat(get(queued)).isEqualTo(cancelled);
        assertThat(log(queued)).last().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.WARN);
            assertThat(line.message()).isEqualTo("Deployment cancelled by " + admin.principal());
        });

        platform.runScheduledPipelines();

        assertThat(get(queued)).isEqualTo(cancelled);
        assertThat(platform.builds.requests()).isEmpty();
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();
    }

    @Test
    void aBlockedBuildIsStoppedByACancelAndLeavesNothingBehind() throws Exception {
        platform.builds.blockingUntilCancelled();
        Deployment queued = trigger();
        Future<?> pipeline = threads.submit(() -> platform.runPipeline.run(queued.id()));
        assertThat(platform.builds.awaitStarted(5)).isTrue();
        assertThat(get(queued).status()).isEqualTo(DeploymentStatus.BUILDING);

        Deployment cancelled = platform.cancelDeployment.cancel(admin, queued.id().value());

        assertThat(cancelled.status()).isEqualTo(DeploymentStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(5)).until(pipeline::isDone);
        pipeline.get();
        Deployment after = get(queued);
        assertThat(after.status()).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(after.cancelledBy()).isEqualTo(admin.principal());
        assertThat(after.progress()).isLessThan(100);
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();
        assertThat(platform.workspaces.exists(queued.id())).isFalse();
        assertThat(platform.activePipelines.count()).isZero();
        assertThat(log(queued)).extracting(LogLine::message)
                .contains("Deployment cancelled by " + admin.principal())
                .noneMatch(m -> m.startsWith("Deployment is live"));
    }

    @Test
    void aCancelMadeOnAnotherNodeStopsTheBuildAtItsNextCheck() throws Exception {
        platform.builds.blockingUntilCancelled();
        Deployment queued = trigger();
        Future<?> pipeline = threads.submit(() -> platform.runPipeline.run(queued.id()));
        assertThat(platform.builds.awaitStarted(5)).isTrue();
        // Same database, but this node's ActivePipelines knows nothing of the build: only the
        // running pipeline's periodic look at the deployment can stop it.
        CancelDeploymentUseCase otherNode = new CancelDeploymentService(
                new VisibleObjects(platform.store, platform.store, platform.store),
                new DeploymentUpdates(platform.store, platform.store, platform.store, platform.store,
                        platform.webhookEvents),
                new ActivePipelines(), platform.clock);

        otherNode.cancel(admin, queued.id().value());

        await().atMost(Duration.ofSeconds(5)).until(pipeline::isDone);
        pipeline.get();
        assertThat(get(queued).status()).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();
        assertThat(platform.workspaces.exists(queued.id())).isFalse();
    }

    @Test
    void aFinishedDeploymentIsNotCancellable() {
        Deployment succeeded = trigger();
        platform.runPipeline.run(succeeded.id());
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        Deployment failed = trigger();
        platform.runPipeline.run(failed.id());
        Deployment cancelled = trigger();
        platform.cancelDeployment.cancel(admin, cancelled.id().value());

        for (Deployment finished : List.of(succeeded, failed, cancelled)) {
            Deployment before = get(finished);
            List<LogLine> logBefore = log(finished);
            assertThatThrownBy(() -> platform.cancelDeployment.cancel(admin, finished.id().value()))
                    .isInstanceOfSatisfying(DeploymentNotCancellable.class, e -> {
                        assertThat(e.code()).isEqualTo("deployment_not_cancellable");
                        assertThat(e.status()).isEqualTo(before.status().name().toLowerCase());
                        assertThat(e.details()).containsEntry("deployment_id", finished.id().value());
                    });
            assertThat(get(finished)).isEqualTo(before);
            assertThat(log(finished)).isEqualTo(logBefore);
        }
    }

    @Test
    void aReadKeyCannotCancel() {
        Deployment queued = trigger();
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());

        assertThatThrownBy(() -> platform.cancelDeployment.cancel(reader, queued.id().value()))
                .isInstanceOfSatisfying(InsufficientScope.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
        assertThat(get(queued).status()).isEqualTo(DeploymentStatus.QUEUED);
    }

    @Test
    void deploymentsOutsideTheCallersReachAreNotFound() {
        Deployment queued = trigger();
        Caller stagingOnly = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE)
                .restrictedTo(Environment.STAGING).build());
        Caller other = platform.adminOf("other");

        for (Caller caller : List.of(stagingOnly, other)) {
            assertThatThrownBy(() -> platform.cancelDeployment.cancel(caller, queued.id().value()))
                    .isInstanceOf(NotFound.class);
        }
        assertThat(get(queued).status()).isEqualTo(DeploymentStatus.QUEUED);
    }

    @Test
    void aCancelRacingCompletionEndsInExactlyOneFinalState() throws Exception {
        for (int i = 0; i < 200; i++) {
            Deployment queued = trigger();
            CountDownLatch go = new CountDownLatch(1);
            Future<?> pipeline = threads.submit(() -> {
                go.await();
                platform.runPipeline.run(queued.id());
                return null;
            });
            Future<Boolean> cancel = threads.submit(() -> {
                go.await();
                try {
                    platform.cancelDeployment.cancel(admin, queued.id().value());
                    return true;
                } catch (DeploymentNotCancellable refused) {
                    return false;
                }
            });

            go.countDown();
            boolean cancelSucceeded = cancel.get(5, TimeUnit.SECONDS);
            pipeline.get(5, TimeUnit.SECONDS);

            Deployment after = get(queued);
            boolean published = platform.sites.filesOf(queued.id()).isPresent();
            String outcome = "iteration " + i + ": cancel " + (cancelSucceeded ? "succeeded" : "refused")
                    + ", status " + after.status() + ", site " + (published ? "published" : "absent");
            if (cancelSucceeded) {
                assertThat(after.status()).as(outcome).isEqualTo(DeploymentStatus.CANCELLED);
                assertThat(published).as(outcome).isFalse();
                assertThat(platform.getProject.get(admin, web.project().id().value()).project()
                        .liveProductionDeployment()).as(outcome).isNotEqualTo(queued.id());
            } else {
                assertThat(after.status()).as(outcome).isEqualTo(DeploymentStatus.SUCCEEDED);
                assertThat(published).as(outcome).isTrue();
                assertThat(platform.getProject.get(admin, web.project().id().value()).project()
                        .liveProductionDeployment()).as(outcome).isEqualTo(queued.id());
            }
            assertThat(platform.workspaces.exists(queued.id())).as(outcome).isFalse();
        }
        assertThat(platform.activePipelines.count()).isZero();
    }
}
