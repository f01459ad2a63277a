package dev.dotgit.application.service.pipeline;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's last step: which deployment serves production, {@code last_deploy}, and auto-rollback. */
class GoLiveTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, "npm run build", null));
    }

    private Deployment trigger(Environment environment) {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).to(environment).build());
        platform.clock.advance(Duration.ofSeconds(1));
        return queued;
    }

    private Deployment deployAndRun(Environment environment) {
        Deployment queued = trigger(environment);
        platform.runPipeline.run(queued.id());
        return get(queued);
    }

    private Deployment get(Deployment deployment) {
        return platform.getDeployment.get(admin, deployment.id().value());
    }

    private Project project() {
        return platform.getProject.get(admin, web.project().id().value()).project();
    }

    private List<LogLine> log(Deployment deployment) {
        return platform.readDeploymentLogs.read(admin, deployment.id().value(), LogRange.offset(0, 1000)).lines()
                .items();
    }

    @Test
    void aSuccessfulProductionDeploymentBecomesLiveInProductionAndSetsLastDeploy() {
        Deployment queued = trigger(Environment.PRODUCTION);
        Instant wentLive = platform.clock.instant();

        platform.runPipeline.run(queued.id());

        Deployment live = get(queued);
        assertThat(live.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(live.completedAt()).isEqualTo(wentLive);
        assertThat(project().liveProductionDeployment()).isEqualTo(live.id());
        assertThat(project().lastDeployAt()).isEqualTo(wentLive);
        assertThat(log(live)).last().extracting(LogLine::message).isEqualTo("Deployment is live at http://"
                + live.id().value() + ".localhost:8080 and http://web.localhost:8080");
    }

    @Test
    void aStagingDeploymentGoesLiveWithoutTakingProduction() {
        Deployment production = deployAndRun(Environment.PRODUCTION);

        Deployment staging = deployAndRun(Environment.STAGING);
        Instant stagingLive = staging.completedAt();
        assertThat(stagingLive).isAfter(production.completedAt());

        assertThat(staging.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(platform.sites.filesOf(staging.id())).isPresent();
        assertThat(project().liveProductionDeployment()).isEqualTo(production.id());
        assertThat(project().lastDeployAt()).isEqualTo(stagingLive);
        assertThat(log(staging)).last().extracting(LogLine::message)
                .isEqualTo("Deployment is live at http://" + staging.id().value() + ".localhost:8080");
    }

    @Test
    void aStagingDeploymentOfAProjectWithoutProductionLeavesProductionEmpty() {
        deployAndRun(Environment.PREVIEW);

        assertThat(project().liveProductionDeployment()).isNull();
        assertThat(project().lastDeployAt()).isNotNull();
    }

    @Test
    void anOlderDeploymentFinishingAfterANewerOneDoesNotTakeProductionBack() {
        Deployment older = trigger(Environment.PRODUCTION);
        Deployment newer = trigger(Environment.PRODUCTION);

        platform.runPipeline.run(newer.id());
        platform.runPipeline.run(older.id());

        assertThat(get(older).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(get(newer).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(project().liveProductionDeployment()).isEqualTo(newer.id());
    }

    @Test
    void aNewerProductionDeploymentTakesOverFromAnOlderOne() {
        Deployment first = deployAndRun(Environment.PRODUCTION);
        Deployment second = deployAndRun(Environment.PRODUCTION);

        assertThat(first.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(project().liveProductionDeployment()).isEqualTo(second.id());
    }

    @Test
    void aFailingProductionDeploymentWithAutoRollbackRecordsTheLiveOneAndProductionStaysOnIt() {
        Deployment live = deployAndRun(Environment.PRODUCTION);
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).autoRollback().build());

        platform.runPipeline.run(queued.id());

        Deployment failed = get(queued);
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.rolledBackTo()).isEqualTo(live.id());
        assertThat(project().liveProductionDeployment()).isEqualTo(live.id());
        assertThat(get(live).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(platform.sites.filesOf(live.id())).isPresent();
        assertThat(log(failed)).extracting(LogLine::level, LogLine::message).endsWith(
                Tuple.tuple(LogLevel.ERROR, "Build command exited with code 1."),
                Tuple.tuple(LogLevel.WARN, "Auto-rollback: production stays on " + live.id().value()));
    }

    @Test
    void withoutAutoRollbackOrWithoutALiveDeploymentNoRollbackIsRecorded() {
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        Deployment firstEver = platform.triggerDeployment.trigger(admin, aTriggerOf(web).autoRollback().build());
        platform.runPipeline.run(firstEver.id());
        assertThat(get(firstEver).status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(get(firstEver).rolledBackTo()).isNull();

        platform.builds.endingWith(new BuildOutcome.Exited(0));
        Deployment live = deployAndRun(Environment.PRODUCTION);
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        Deployment plain = deployAndRun(Environment.PRODUCTION);
        Deployment staging = platform.triggerDeployment.trigger(admin, aTriggerOf(web).to(Environment.STAGING)
                .autoRollback().build());
        platform.runPipeline.run(staging.id());

        assertThat(plain.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(plain.rolledBackTo()).isNull();
        assertThat(get(staging).status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(get(staging).rolledBackTo()).isNull();
        assertThat(project().liveProductionDeployment()).isEqualTo(live.id());
    }
}
