package dev.dotgit.application.service.deployment;

import dev.dotgit.application.testing.PlatformTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.InvalidBranch;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentLifecycleTest extends PlatformTest {

    Caller admin;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
    }

    private TriggerDeploymentCommand deploy(ProjectOverview project, String branch) {
        return new TriggerDeploymentCommand(ProjectReference.byId(project.project().id().value()),
                new BranchName(branch), Optional.empty(), Environment.PRODUCTION, Strategy.INSTANT, false, EnvVars.NONE);
    }

    @Test
    void aProjectWithoutBuildCommandDeploysItsInitialCommitAndGoesLive() {
        ProjectOverview project = platform.createProject.create(admin,
                CreateProjectCommand.of("web", "static", null, null, null));

        Deployment queued = platform.triggerDeployment.trigger(admin, deploy(project, "main"));
        assertThat(queued.status()).isEqualTo(DeploymentStatus.QUEUED);
        assertThat(platform.scheduler.scheduled()).containsExactly(queued.id());

        platform.runScheduledPipelines();

        Deployment live = platform.getDeployment.get(admin, queued.id().value());
        assertThat(live.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(live.progress()).isEqualTo(100);
        assertThat(platform.sites.filesOf(live.id())).hasValueSatisfying(
                files -> assertThat(files).contains("index.html", "README.md"));
        assertThat(platform.getProject.get(admin, project.project().id().value()).project().liveProductionDeployment())
                .isEqualTo(live.id());
        assertThat(platform.readDeploymentLogs.read(admin, live.id().value(), LogRange.offset(0, 100)).lines().items())
                .extracting(LogLine::message)
                .anySatisfy(m -> assertThat(m).startsWith("Deployment queued"))
                .anySatisfy(m -> assertThat(m).startsWith("Deployment is live at http://" + live.id().value()));
        assertThat(platform.workspaces.exists(live.id())).isFalse();
    }

    @Test
    void aServerShutdownDuringABuildFailsTheDeploymentWithTheReason() throws Exception {
        ProjectOverview project = platform.createProject.create(admin,
                CreateProjectCommand.of("slow", null, null, "sleep 300", null));
        platform.builds.blockingUntilCancelled();
        Deployment queued = platform.triggerDeployment.trigger(admin, deploy(project, "main"));
        Thread pipeline = new Thread(platform::runScheduledPipelines, "pipeline-under-test");
        pipeline.start();
        assertThat(platform.builds.awaitStarted(10)).isTrue();

        platform.activePipelines.stopAll();

        pipeline.join(10_000);
        assertThat(pipeline.isAlive()).isFalse();
        Deployment failed = platform.getDeployment.get(admin, queued.id().value());
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("The server shut down during this deployment. Deploy again.");
        assertThat(platform.readDeploymentLogs.read(admin, failed.id().value(), LogRange.offset(0, 100)).lines().items())
                .extracting(LogLine::message).contains(failed.failureReason());
        assertThat(platform.workspaces.exists(failed.id())).isFalse();
    }

    @Test
    void aBranchTheRepositoryLacksIsRefusedWithTheSeedMessage() {
        ProjectOverview project = platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, null, null, null));
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin, deploy(project, "develop")))
                .isInstanceOfSatisfying(InvalidBranch.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_branch");
                    assertThat(e.getMessage()).isEqualTo("Branch 'develop' does not exist in repository");
                    assertThat(e.details()).containsEntry("project_id", project.project().id().value());
                });
    }
}
