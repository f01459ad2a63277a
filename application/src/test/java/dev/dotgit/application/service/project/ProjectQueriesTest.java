package dev.dotgit.application.service.project;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ReportedProjectStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GetProjectService} and {@code ListProjectsService}: visibility, pages and the reported status. */
class ProjectQueriesTest extends PlatformTest {

    Caller admin;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
    }

    private ProjectOverview create(String name) {
        ProjectOverview created = platform.createProject.create(admin, CreateProjectCommand.of(name, null, null, null,
                null));
        platform.clock.advance(Duration.ofSeconds(1));
        return created;
    }

    private static List<String> names(Page<ProjectOverview> page) {
        return page.items().stream().map(o -> o.project().name().value()).toList();
    }

    @Test
    void getReturnsTheProjectAsCreated() {
        ProjectOverview created = create("web");

        ProjectOverview got = platform.getProject.get(admin, created.project().id().value());

        assertThat(got.project()).isEqualTo(created.project());
        assertThat(got.reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
        assertThat(got.project().lastDeployAt()).isNull();
        assertThat(got.project().liveProductionDeployment()).isNull();
    }

    @Test
    void anotherAccountsProjectIsNotFoundExactlyLikeAMissingId() {
        Caller other = platform.adminOf("other");
        String foreignId = platform.createProject.create(other, CreateProjectCommand.of("web", null, null, null, null))
                .project().id().value();

        NotFound foreign = catchNotFound(platform, foreignId);
        NotFound missing;
        try (TestPlatform empty = new TestPlatform(temp.resolve("empty"))) {
            missing = catchNotFound(empty, foreignId);
        }

        assertThat(foreign.code()).isEqualTo("not_found");
        assertThat(foreign.getMessage()).isEqualTo(missing.getMessage());
        assertThat(foreign.details()).isEqualTo(missing.details());
        assertThat(catchNotFound(platform, "proj_doesnotexi").getMessage())
                .isEqualTo(foreign.getMessage().replace(foreignId, "proj_doesnotexi"));
        assertThat(catchNotFound(platform, "not-an-id").code()).isEqualTo("not_found");
    }

    private NotFound catchNotFound(TestPlatform on, String id) {
        try {
            on.getProject.get(admin, id);
        } catch (NotFound e) {
            return e;
        }
        throw new AssertionError("expected NotFound for " + id);
    }

    @Test
    void aProjectRestrictedKeySeesOnlyItsProjects() {
        ProjectOverview web = create("web");
        ProjectOverview api = create("api");
        Caller onlyWeb = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ)
                .restrictedTo(web.project().id()).build());

        assertThat(platform.getProject.get(onlyWeb, web.project().id().value()).project().id())
                .isEqualTo(web.project().id());
        assertThatThrownBy(() -> platform.getProject.get(onlyWeb, api.project().id().value()))
                .isInstanceOf(NotFound.class);
        assertThat(names(platform.listProjects.list(onlyWeb, Optional.empty(), PageRequest.offset(0, 10))))
                .containsExactly("web");
    }

    @Test
    void readingNeedsAtLeastTheReadScope() {
        ProjectOverview web = create("web");
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());

        assertThat(platform.getProject.get(reader, web.project().id().value()).project().name().value())
                .isEqualTo("web");
        assertThat(platform.listProjects.list(reader, Optional.empty(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void offsetPagesAreNewestFirstAndCountTheWholeList() {
        for (String name : List.of("p-one", "p-two", "p-three", "p-four", "p-five")) {
            create(name);
        }
        platform.createProject.create(platform.adminOf("other"), CreateProjectCommand.of("p-foreign", null, null,
                null, null));

        Page<ProjectOverview> first = platform.listProjects.list(admin, Optional.empty(), PageRequest.offset(0, 2));
        Page<ProjectOverview> last = platform.listProjects.list(admin, Optional.empty(), PageRequest.offset(4, 2));
        Page<ProjectOverview> beyond = platform.listProjects.list(admin, Optional.empty(), PageRequest.offset(10, 2));

        assertThat(names(first)).containsExactly("p-five", "p-four");
        assertThat(first.total()).hasValue(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(names(last)).containsExactly("p-one");
        assertThat(last.total()).hasValue(5);
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).hasValue(5);
    }

    @Test
    void keysetPagesWalkTheWholeListOnceAndDoNotCount() {
        for (String name : List.of("p-one", "p-two", "p-three", "p-four", "p-five")) {
            create(name);
        }

        List<String> seen = new ArrayList<>();
        Page<ProjectOverview> page = platform.listProjects.list(admin, Optional.empty(), PageRequest.first(2));
        assertThat(page.total()).isEmpty();
        seen.addAll(names(page));
        // A project created while paging is newer than the position, so it neither repeats
        // nor shifts the rest of the walk.
        create("p-late");
        while (page.hasMore()) {
            Project last = page.items().get(page.items().size() - 1).project();
            page = platform.listProjects.list(admin, Optional.empty(),
                    PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 2));
            seen.addAll(names(page));
        }

        assertThat(seen).containsExactly("p-five", "p-four", "p-three", "p-two", "p-one");
    }

    @Test
    void aProjectReportsBuildingWhileADeploymentIsActiveAndActiveAfter() {
        ProjectOverview web = create("web");
        ProjectOverview idle = create("idle");
        String id = web.project().id().value();

        platform.triggerDeployment.trigger(admin, aTriggerOf(web).build());

        assertThat(platform.getProject.get(admin, id).reportedStatus()).isEqualTo(ReportedProjectStatus.BUILDING);
        assertThat(names(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.BUILDING),
                PageRequest.offset(0, 10)))).containsExactly("web");
        assertThat(names(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.ACTIVE),
                PageRequest.offset(0, 10)))).containsExactly("idle");

        platform.runScheduledPipelines();

        ProjectOverview after = platform.getProject.get(admin, id);
        assertThat(after.reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
        assertThat(after.project().lastDeployAt()).isNotNull();
        assertThat(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.BUILDING),
                PageRequest.offset(0, 10)).items()).isEmpty();
        assertThat(names(platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.ACTIVE),
                PageRequest.offset(0, 10)))).containsExactly("idle", "web");
        assertThat(idle.reportedStatus()).isEqualTo(ReportedProjectStatus.ACTIVE);
    }

    @Test
    void theStatusFilterFindsArchivedProjects() {
        create("web");
        Project archived = aProject().of(admin.account()).named("old").archived()
                .createdAt(platform.clock.instant()).build();
        platform.store.insert(archived);

        Page<ProjectOverview> page = platform.listProjects.list(admin, Optional.of(ReportedProjectStatus.ARCHIVED),
                PageRequest.offset(0, 10));

        assertThat(names(page)).containsExactly("old");
        assertThat(page.total()).hasValue(1);
        assertThat(platform.getProject.get(admin, archived.id().value()).reportedStatus())
                .isEqualTo(ReportedProjectStatus.ARCHIVED);
    }

    @Test
    void listingWithoutAnyScopeThatReadsIsRefused() {
        // Every key holds at least one scope, and every scope includes read: the only way to
        // lack it is a caller made by hand, which is what an adapter bug would produce.
        Caller none = new Caller(admin.account(), "key_nothing000", Set.of(), null, null);

        assertThatThrownBy(() -> platform.listProjects.list(none, Optional.empty(), PageRequest.first(10)))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.getProject.get(none, ProjectId.generate().value()))
                .isInstanceOf(InsufficientScope.class);
    }
}
