package dev.dotgit.application.service.deployment;

import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListPreviewsServiceTest extends PlatformTest {

    Caller admin;
    ProjectOverview web;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
        platform.sources.commit(web.project().repository(), new BranchName("feature"),
                List.of(new SourceFile("index.html", "<h1>feature</h1>".getBytes(StandardCharsets.UTF_8))));
    }

    private Deployment deploy(String branch, Environment environment) {
        Deployment deployment = platform.triggerDeployment.trigger(admin,
                aTriggerOf(web).branch(branch).to(environment).build());
        platform.clock.advance(Duration.ofSeconds(1));
        return deployment;
    }

    private String repositoryId() {
        return web.project().repository().value();
    }

    @Test
    void eachBranchShowsItsNewestPreviewDeployment() {
        deploy("main", Environment.PREVIEW);
        Deployment feature = deploy("feature", Environment.PREVIEW);
        Deployment newestMain = deploy("main", Environment.PREVIEW);
        deploy("feature", Environment.PRODUCTION);

        assertThat(platform.listPreviews.list(admin, repositoryId(), PageRequest.first(10)).items())
                .extracting(Deployment::id)
                .containsExactly(newestMain.id(), feature.id());
    }

    @Test
    void aKeyThatMayNotSeePreviewsGetsAnEmptyList() {
        deploy("main", Environment.PREVIEW);
        Caller productionOnly = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.PRODUCTION)
                .build());

        assertThat(platform.listPreviews.list(productionOnly, repositoryId(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anotherAccountsRepositoryIsNotFound() {
        deploy("main", Environment.PREVIEW);

        assertThatThrownBy(() -> platform.listPreviews.list(platform.adminOf("other"), repositoryId(),
                PageRequest.first(10))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.listPreviews.list(admin, "repo_nothere000", PageRequest.first(10)))
                .isInstanceOf(NotFound.class);
    }
}
