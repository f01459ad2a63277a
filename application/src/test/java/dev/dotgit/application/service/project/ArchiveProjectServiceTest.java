package dev.dotgit.application.service.project;

import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.ProjectArchived;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArchiveProjectServiceTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
    }

    private String webId() {
        return web.project().id().value();
    }

    @Test
    void anArchivedProjectReportsArchivedAndRefusesNewDeployments() {
        ProjectOverview archived = platform.archiveProject.archive(admin, webId());

        assertThat(archived.reportedStatus()).isEqualTo(ReportedProjectStatus.ARCHIVED);
        assertThat(platform.getProject.get(admin, webId()).reportedStatus()).isEqualTo(ReportedProjectStatus.ARCHIVED);
        assertThatThrownBy(() -> platform.triggerDeployment.trigger(admin, aTriggerOf(web).build()))
                .isInstanceOf(ProjectArchived.class)
                .hasMessageContaining(webId());
        assertThat(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.ARCHIVED),
                PageRequest.first(10)).items()).extracting(o -> o.project().id()).containsExactly(web.project().id());
        assertThat(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.ACTIVE),
                PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void archivingTwiceChangesNothingTheSecondTime() {
        ProjectOverview first = platform.archiveProject.archive(admin, webId());

        ProjectOverview second = platform.archiveProject.archive(admin, webId());

        assertThat(second.project()).isEqualTo(first.project());
    }

    @Test
    void deploymentsAcceptedBeforeTheArchiveRunToTheirEnd() {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        platform.archiveProject.archive(admin, webId());
        platform.runScheduledPipelines();

        assertThat(platform.getDeployment.get(admin, queued.id().value()).status())
                .isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(platform.getProject.get(admin, webId()).reportedStatus()).isEqualTo(ReportedProjectStatus.ARCHIVED);
    }

    @Test
    void archivingNeedsTheAdminScope() {
        Caller writer = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE).build());

        assertThatThrownBy(() -> platform.archiveProject.archive(writer, webId()))
                .isInstanceOf(InsufficientScope.class);
        assertThat(platform.getProject.get(admin, webId()).reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
    }

    @Test
    void anotherAccountsProjectOrOneOutsideTheKeysRestrictionIsNotFound() {
        Caller other = platform.adminOf("other");
        ProjectOverview api = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null,
                null));
        Caller restricted = platform.register(anApiKey().of(admin.account()).restrictedTo(api.project().id()).build());

        assertThatThrownBy(() -> platform.archiveProject.archive(other, webId())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.archiveProject.archive(restricted, webId())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.archiveProject.archive(admin, "proj_nothere000")).isInstanceOf(NotFound.class);
        assertThat(platform.getProject.get(admin, webId()).reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
    }

    @Test
    void archivingNeedsAKeyThatReachesEveryEnvironment() {
        Caller previewOnly = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.PREVIEW).build());
        Caller everyEnvironment = platform.register(anApiKey().of(admin.account())
                .restrictedTo(Environment.values()).build());

        assertThatThrownBy(() -> platform.archiveProject.archive(previewOnly, webId()))
                .isInstanceOf(InsufficientScope.class)
                .hasMessageContaining("restricted");
        assertThat(platform.getProject.get(admin, webId()).reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
        assertThatThrownBy(() -> platform.archiveProject.archive(previewOnly, "proj_nothere000"))
                .isInstanceOf(NotFound.class);

        assertThat(platform.archiveProject.archive(everyEnvironment, webId()).reportedStatus())
                .isEqualTo(ReportedProjectStatus.ARCHIVED);
    }

    @Test
    void aKeyRestrictedToTheProjectArchivesIt() {
        Caller webOnly = platform.register(anApiKey().of(admin.account()).restrictedTo(web.project().id()).build());

        assertThat(platform.archiveProject.archive(webOnly, webId()).reportedStatus())
                .isEqualTo(ReportedProjectStatus.ARCHIVED);
    }
}
