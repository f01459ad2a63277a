package dev.dotgit.application.service.hosting;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServeSiteServiceTest extends PlatformTest {

    Caller acme;

    @BeforeEach
    void setUp() {
        acme = platform.adminOf("acme");
    }

    private ProjectOverview project(Caller owner, String name, String marker) {
        ProjectOverview project = platform.createProject.create(owner, CreateProjectCommand.of(name, null, null, null,
                null));
        platform.sources.commit(project.project().repository(), BranchName.MAIN, List.of(
                new SourceFile("index.html", ("<h1>" + marker + "</h1>").getBytes(StandardCharsets.UTF_8)),
                new SourceFile(marker + ".txt", marker.getBytes(StandardCharsets.UTF_8))));
        platform.clock.advance(Duration.ofSeconds(1));
        return project;
    }

    private Deployment deployAndRun(Caller owner, ProjectOverview project, Environment environment) {
        Deployment queued = platform.triggerDeployment.trigger(owner, aTriggerOf(project).to(environment).build());
        platform.clock.advance(Duration.ofSeconds(1));
        platform.runPipeline.run(queued.id());
        return platform.getDeployment.get(owner, queued.id().value());
    }

    private Optional<SiteFile> serve(String host, String path) {
        return platform.serveSite.find(new SiteRequest(host, path));
    }

    private static String hostOf(DeploymentId deployment) {
        return deployment.value() + ".localhost:8080";
    }

    @Test
    void aSucceededDeploymentIsServedAtItsOwnHost() {
        Deployment live = deployAndRun(acme, project(acme, "web", "acme"), Environment.PREVIEW);

        assertThat(serve(hostOf(live.id()), "/")).hasValueSatisfying(f -> assertThat(f.fileName())
                .isEqualTo("index.html"));
        assertThat(serve(hostOf(live.id()), "/acme.txt")).isPresent();
        assertThat(serve(hostOf(live.id()), "/missing.txt")).isEmpty();
        assertThat(serve(hostOf(live.id()).toUpperCase(), "/acme.txt")).isPresent();
        assertThat(platform.urls.deploymentSite(live.id())).isEqualTo("http://" + hostOf(live.id()));
    }

    @Test
    void queuedFailedAndUnknownDeploymentsAreNotServed() {
        ProjectOverview web = platform.createProject.create(acme,
                CreateProjectCommand.of("web", null, null, "npm run build", null));
        Deployment queued = platform.triggerDeployment.trigger(acme, aTriggerOf(web).build());
        platform.builds.endingWith(new BuildOutcome.Exited(1));
        Deployment failed = deployAndRun(acme, web, Environment.PRODUCTION);
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);

        assertThat(serve(hostOf(queued.id()), "/")).isEmpty();
        assertThat(serve(hostOf(failed.id()), "/")).isEmpty();
        assertThat(serve(hostOf(DeploymentId.generate()), "/")).isEmpty();
        assertThat(serve("web.localhost:8080", "/")).isEmpty();
    }

    @Test
    void aDeploymentPublishedButNotYetLiveIsNotServed() {
        // Files are published while "deploying"; only the commit to "succeeded" makes them public.
        Deployment live = deployAndRun(acme, project(acme, "web", "acme"), Environment.STAGING);
        Deployment stillDeploying = platform.triggerDeployment.trigger(acme,
                aTriggerOf(platform.getProject.get(acme, live.project().value())).to(Environment.STAGING).build());
        Deployment building = platform.store.update(platform.store.findById(stillDeploying.id()).orElseThrow()
                .startBuilding(platform.clock.instant()));
        platform.store.update(building.startDeploying());
        platform.sites.publish(stillDeploying.id(), temp);
        assertThat(platform.getDeployment.get(acme, stillDeploying.id().value()).status())
                .isEqualTo(DeploymentStatus.DEPLOYING);

        assertThat(serve(hostOf(stillDeploying.id()), "/")).isEmpty();
        assertThat(serve(hostOf(live.id()), "/")).isPresent();
    }

    @Test
    void theProjectHostServesTheLiveProductionDeploymentInAnyLetterCase() {
        ProjectOverview web = project(acme, "Web", "first");
        deployAndRun(acme, web, Environment.PRODUCTION);
        platform.sources.commit(web.project().repository(), BranchName.MAIN, List.of(
                new SourceFile("index.html", "<h1>second</h1>".getBytes(StandardCharsets.UTF_8)),
                new SourceFile("second.txt", "second".getBytes(StandardCharsets.UTF_8))));
        deployAndRun(acme, web, Environment.PRODUCTION);
        deployAndRun(acme, web, Environment.STAGING);

        for (String host : List.of("web.localhost:8080", "WEB.LOCALHOST:8080", "Web.localhost:8080")) {
            assertThat(serve(host, "/second.txt")).as(host).isPresent();
            assertThat(serve(host, "/first.txt")).as(host).isEmpty();
        }
        assertThat(platform.urls.productionSite(web.project())).isEqualTo("http://web.localhost:8080");
    }

    @Test
    void aNameThatIsNotAHostLabelIsServedUnderItsSiteLabel() {
        ProjectOverview dotted = project(acme, "my.site", "dotted");
        deployAndRun(acme, dotted, Environment.PRODUCTION);

        assertThat(platform.urls.productionSite(dotted.project())).isEqualTo("http://my-site.localhost:8080");
        assertThat(serve("my-site.localhost:8080", "/dotted.txt")).isPresent();
        assertThat(serve("my.site.localhost:8080", "/dotted.txt")).isEmpty();
    }

    @Test
    void aProjectWithoutALiveProductionDeploymentServesNothing() {
        ProjectOverview web = project(acme, "web", "acme");
        deployAndRun(acme, web, Environment.STAGING);

        assertThat(serve("web.localhost:8080", "/")).isEmpty();
    }

    @Test
    void withTheSameProjectNameInTwoAccountsTheOlderProjectOwnsTheAlias() {
        Caller beta = platform.adminOf("beta");
        ProjectOverview older = project(acme, "web", "acme");
        ProjectOverview newer = project(beta, "web", "beta");
        deployAndRun(beta, newer, Environment.PRODUCTION);

        assertThat(serve("web.localhost:8080", "/beta.txt")).as("the newer project never takes the name").isEmpty();

        deployAndRun(acme, older, Environment.PRODUCTION);

        assertThat(serve("web.localhost:8080", "/acme.txt")).isPresent();
        assertThat(serve("web.localhost:8080", "/beta.txt")).isEmpty();
    }

    @Test
    void onlyASingleLabelInFrontOfTheHostingDomainIsASiteHost() {
        Deployment live = deployAndRun(acme, project(acme, "web", "acme"), Environment.PRODUCTION);
        String label = live.id().value();

        assertThat(platform.serveSite.isSiteHost(label + ".localhost:8080")).isTrue();
        assertThat(platform.serveSite.isSiteHost("web.localhost:8080")).isTrue();
        assertThat(platform.serveSite.isSiteHost("WEB.LocalHost:8080")).isTrue();
        for (String notASite : new String[] {"localhost:8080", ".localhost:8080", "..localhost:8080",
                "a..localhost:8080", "x." + label + ".localhost:8080", "web.api.localhost:8080",
                label + ".localhost", label + ".localhost:9090", "web.example.com", "weblocalhost:8080",
                "web.localhost:8080.evil.com", "", "web.localhost:80800"}) {
            assertThat(platform.serveSite.isSiteHost(notASite)).as(notASite).isFalse();
            assertThat(serve(notASite, "/")).as(notASite).isEmpty();
        }
        assertThat(platform.serveSite.isSiteHost(null)).isFalse();
    }

    @Test
    void aDeletedDeploymentsSiteAnswersNothingAtOnce() {
        ProjectOverview web = project(acme, "web", "acme");
        Deployment staging = deployAndRun(acme, web, Environment.STAGING);
        assertThat(serve(hostOf(staging.id()), "/")).isPresent();

        platform.deleteDeployment.delete(acme, staging.id().value());

        assertThat(serve(hostOf(staging.id()), "/")).isEmpty();
        assertThat(serve(hostOf(staging.id()), "/acme.txt")).isEmpty();
    }

    @Test
    void theDatabaseDecidesBeforeTheFilesAreRemoved() {
        // Between the delete's commit and the removal of its files, the site must already be gone.
        Deployment staging = deployAndRun(acme, project(acme, "web", "acme"), Environment.STAGING);
        platform.store.delete(platform.store.findById(staging.id()).orElseThrow());

        assertThat(platform.sites.filesOf(staging.id())).isPresent();
        assertThat(serve(hostOf(staging.id()), "/")).isEmpty();
    }
}
