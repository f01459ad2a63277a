package dev.dotgit.application.service.pipeline;

import static dev.dotgit.application.service.TriggerCommands.aTriggerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.RunBuildPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's build step and its outcomes, driven on the test thread by {@code runScheduledPipelines()}. */
class RunDeploymentPipelineServiceTest {

    private static final PipelineSettings SETTINGS =
            new PipelineSettings(Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(50), 1000);

    @TempDir
    Path temp;
    TestPlatform platform;
    Caller admin;
    ScheduledExecutorService standInTimer;

    @BeforeEach
    void setUp() throws IOException {
        platform = new TestPlatform(Files.createDirectories(temp.resolve("workspaces")));
        admin = platform.adminOf("acme");
    }

    @AfterEach
    void tearDown() {
        platform.close();
        if (standInTimer != null) {
            standInTimer.shutdownNow();
        }
    }

    private ProjectOverview project(String buildCommand, String outputDirectory) {
        return platform.createProject.create(admin,
                CreateProjectCommand.of("web", null, null, buildCommand, outputDirectory));
    }

    private Deployment deployAndRun(ProjectOverview project) {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        platform.runScheduledPipelines();
        return platform.getDeployment.get(admin, queued.id().value());
    }

    private List<LogLine> log(Deployment deployment) {
        return platform.readDeploymentLogs.read(admin, deployment.id().value(), LogRange.offset(0, 5000)).lines()
                .items();
    }

    private List<String> messages(Deployment deployment) {
        return log(deployment).stream().map(LogLine::message).toList();
    }

    private void assertFailedWithoutSite(Deployment deployment, String reason) {
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(deployment.failureReason()).isEqualTo(reason);
        assertThat(deployment.progress()).isLessThan(100);
        assertThat(deployment.completedAt()).isNotNull();
        assertThat(log(deployment)).last().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.ERROR);
            assertThat(line.message()).isEqualTo(reason);
        });
        assertThat(platform.sites.filesOf(deployment.id())).isEmpty();
        assertThat(platform.serveSite.find(new SiteRequest(
                deployment.id().value() + ".localhost:8080", "/"))).isEmpty();
        assertThat(platform.workspaces.exists(deployment.id())).isFalse();
        assertThat(platform.getProject.get(admin, deployment.project().value()).project()
                .liveProductionDeployment()).isNull();
    }

    /** The platform's pipeline, but with {@code builds} and {@code saves} standing in for its fakes. */
    private RunDeploymentPipelineUseCase pipelineWith(RunBuildPort builds, SaveDeploymentPort saves) {
        standInTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stand-in-pipeline-timer");
            t.setDaemon(true);
            return t;
        });
        return new RunDeploymentPipelineService(platform.store, platform.store, saves, platform.store,
                platform.store, platform.store, platform.store, platform.sources, platform.workspaces, builds,
                platform.sites, platform.activePipelines, standInTimer, platform.urls, SETTINGS, platform.webhookEvents,
                platform.clock);
    }

    private Deployment runWith(RunDeploymentPipelineUseCase pipeline, ProjectOverview project) {
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        pipeline.run(queued.id());
        return platform.getDeployment.get(admin, queued.id().value());
    }

    @Test
    void withoutABuildCommandTheCheckoutIsPublished() {
        Deployment deployment = deployAndRun(project(null, null));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(deployment.progress()).isEqualTo(100);
        assertThat(deployment.startedAt()).isNotNull();
        assertThat(deployment.completedAt()).isNotNull();
        assertThat(platform.builds.requests()).isEmpty();
        assertThat(platform.sites.filesOf(deployment.id())).hasValue(Set.of("index.html", "README.md"));
        assertThat(messages(deployment)).contains(
                "No build command configured; publishing the repository contents as they are",
                "Publishing the repository root");
        assertThat(platform.workspaces.exists(deployment.id())).isFalse();
    }

    @Test
    void theBuildRunsInTheCheckoutWithTheDeploymentsVariablesAndAScrubbedEnvironment() {
        platform.builds.creating("dist");
        ProjectOverview project = project("npm ci && npm run build", "dist");
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project)
                .envVars(Map.of("API_URL", "https://api.example", "NODE_ENV", "production")).build());

        platform.runScheduledPipelines();

        assertThat(platform.builds.requests()).singleElement().satisfies(request -> {
            assertThat(request.command()).isEqualTo("npm ci && npm run build");
            assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(1));
            Map<String, String> env = request.environment();
            assertThat(env).containsEntry("API_URL", "https://api.example")
                    .containsEntry("NODE_ENV", "production")
                    .containsEntry("HOME", request.workingDirectory().toString())
                    .containsEntry("PATH", "/usr/local/bin:/usr/bin:/bin")
                    .containsEntry("CI", "true")
                    .containsEntry("DOTGIT_DEPLOYMENT_ID", queued.id().value())
                    .containsEntry("DOTGIT_BRANCH", "main")
                    .containsEntry("DOTGIT_COMMIT_SHA", queued.commitSha().value())
                    .containsEntry("DOTGIT_ENVIRONMENT", "production");
            assertThat(env.keySet()).containsExactlyInAnyOrder("API_URL", "NODE_ENV", "HOME", "PATH", "CI", "DOTGIT",
                    "DOTGIT_DEPLOYMENT_ID", "DOTGIT_BRANCH", "DOTGIT_COMMIT_SHA", "DOTGIT_ENVIRONMENT");
            Set<String> jvmOnly = new HashSet<>(System.getenv().keySet());
            jvmOnly.removeAll(env.keySet());
            assertThat(env).doesNotContainKeys(jvmOnly.toArray(String[]::new));
        });
        Deployment deployment = platform.getDeployment.get(admin, queued.id().value());
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        // The build wrote dist/ into its working directory, and dist/ alone was published: so
        // that directory was the checkout (README.md stays behind).
        assertThat(platform.sites.filesOf(deployment.id())).hasValue(Set.of("index.html"));
        assertThat(platform.workspaces.exists(deployment.id())).isFalse();
        assertThat(messages(deployment)).noneMatch(m -> m.contains("https://api.example"));
    }

    @Test
    void buildOutputLandsInTheLogInOrderBetweenThePipelineSteps() {
        platform.builds.printing("> web@1.0.0 build", "compiling 3 files", "done");

        Deployment deployment = deployAndRun(project("npm run build", null));

        List<LogLine> log = log(deployment);
        List<String> messages = log.stream().map(LogLine::message).toList();
        int command = messages.indexOf("Running build command: npm run build");
        assertThat(command).isPositive();
        assertThat(log.subList(command + 1, command + 4)).extracting(LogLine::level, LogLine::message)
                .containsExactly(Tuple.tuple(LogLevel.INFO, "> web@1.0.0 build"),
                        Tuple.tuple(LogLevel.INFO, "compiling 3 files"),
                        Tuple.tuple(LogLevel.INFO, "done"));
        assertThat(messages.get(command + 4)).startsWith("Build completed in ");
        assertThat(messages.get(0)).startsWith("Deployment queued");
        assertThat(messages.get(messages.size() - 1)).startsWith("Deployment is live at ");
    }

    @Test
    void standardErrorIsLoggedAsWarningsInterleavedInOrder() {
        RunBuildPort chatty = (request, out, cancellation) -> {
            out.stdout("step 1");
            out.stderr("npm WARN deprecated");
            out.stdout("step 2");
            out.stderr("error: boom");
            return new BuildOutcome.Exited(1);
        };

        Deployment deployment = runWith(pipelineWith(chatty, platform.store), project("npm run build", null));

        List<LogLine> log = log(deployment);
        int first = log.stream().map(LogLine::message).toList().indexOf("step 1");
        assertThat(log.subList(first, log.size())).extracting(LogLine::level, LogLine::message).containsExactly(
                Tuple.tuple(LogLevel.INFO, "step 1"),
                Tuple.tuple(LogLevel.WARN, "npm WARN deprecated"),
                Tuple.tuple(LogLevel.INFO, "step 2"),
                Tuple.tuple(LogLevel.WARN, "error: boom"),
                Tuple.tuple(LogLevel.ERROR, "Build command exited with code 1."));
        assertThat(log).extracting(LogLine::seq)
                .containsExactly(IntStream.rangeClosed(1, log.size()).mapToObj(i -> (long) i).toArray(Long[]::new));
    }

    @Test
    void aFailingBuildFailsTheDeploymentWithItsReasonAndPublishesNothing() {
        platform.builds.creating("dist").endingWith(new BuildOutcome.Exited(2));

        Deployment deployment = deployAndRun(project("npm run build", "dist"));

        assertFailedWithoutSite(deployment, "Build command exited with code 2.");
    }

    @Test
    void aBuildThatTimesOutFails() {
        platform.builds.endingWith(new BuildOutcome.TimedOut(Duration.ofMinutes(1)));

        Deployment deployment = deployAndRun(project("sleep 3600", null));

        assertFailedWithoutSite(deployment, "Build timed out after 60.0s; the build process was stopped.");
    }

    @Test
    void aBuildThatCannotStartFails() {
        platform.builds.endingWith(new BuildOutcome.FailedToStart("/bin/sh: not found"));

        Deployment deployment = deployAndRun(project("make", null));

        assertFailedWithoutSite(deployment, "Build command could not be started: /bin/sh: not found");
    }

    @Test
    void aMissingOutputDirectoryFailsWithAClearReason() {
        Deployment deployment = deployAndRun(project("npm run build", "dist"));

        assertFailedWithoutSite(deployment, "Output directory 'dist' does not exist after the build.");
    }

    @Test
    void anOutputDirectoryThatIsASymlinkOutOfTheCheckoutFails() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("index.html"), "server secrets");
        Files.writeString(outside.resolve("id_rsa"), "-----BEGIN PRIVATE KEY-----");
        RunBuildPort symlinking = (request, out, cancellation) -> {
            try {
                Files.createSymbolicLink(request.workingDirectory().resolve("dist"), outside);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BuildOutcome.Exited(0);
        };

        Deployment deployment = runWith(pipelineWith(symlinking, platform.store), project("ln -s / dist", "dist"));

        assertFailedWithoutSite(deployment, "Output directory 'dist' does not exist after the build.");
        assertThat(outside.resolve("id_rsa")).exists();
    }

    @Test
    void anOutputDirectoryBelowASymlinkOutOfTheCheckoutFails() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside/site"));
        Files.writeString(outside.resolve("index.html"), "not ours");
        RunBuildPort symlinking = (request, out, cancellation) -> {
            try {
                Files.createSymbolicLink(request.workingDirectory().resolve("public"), outside.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BuildOutcome.Exited(0);
        };

        Deployment deployment = runWith(pipelineWith(symlinking, platform.store),
                project("ln -s .. public", "public/site"));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(platform.sites.filesOf(deployment.id())).isEmpty();
    }

    @Test
    void progressNeverDecreasesAcrossTheStates() {
        RecordingSaves saves = new RecordingSaves(platform.store);
        List<Integer> seenDuringBuild = new CopyOnWriteArrayList<>();
        List<DeploymentStatus> statusDuringBuild = new CopyOnWriteArrayList<>();
        RunBuildPort sampling = (request, out, cancellation) -> {
            Deployment now = platform.getDeployment.get(admin, request.environment().get("DOTGIT_DEPLOYMENT_ID"));
            seenDuringBuild.add(now.progress());
            statusDuringBuild.add(now.status());
            return new BuildOutcome.Exited(0);
        };

        Deployment deployment = runWith(pipelineWith(sampling, saves), project("npm run build", null));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(statusDuringBuild).containsExactly(DeploymentStatus.BUILDING);
        assertThat(seenDuringBuild).singleElement().satisfies(p -> assertThat(p).isBetween(1, 99));
        List<Integer> progress = new ArrayList<>(List.of(0));
        saves.saved.forEach(d -> progress.add(d.progress()));
        assertThat(progress).isSorted().endsWith(100);
        assertThat(saves.saved).extracting(Deployment::status).containsSubsequence(DeploymentStatus.BUILDING,
                DeploymentStatus.DEPLOYING, DeploymentStatus.SUCCEEDED);
        assertThat(saves.saved).extracting(Deployment::status).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void progressOfAFailedDeploymentStaysWhereTheBuildLeftIt() {
        RecordingSaves saves = new RecordingSaves(platform.store);
        RunBuildPort failing = (request, out, cancellation) -> new BuildOutcome.Exited(127);

        Deployment deployment = runWith(pipelineWith(failing, saves), project("nope", null));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.FAILED);
        List<Integer> progress = saves.saved.stream().map(Deployment::progress).toList();
        assertThat(progress).isSorted();
        assertThat(deployment.progress()).isEqualTo(progress.get(progress.size() - 1)).isPositive().isLessThan(100);
    }

    @Test
    void aRepositoryThatCannotBeCheckedOutFailsTheDeployment() {
        ProjectOverview project = project(null, null);
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        platform.sources.delete(project.project().repository());

        platform.runScheduledPipelines();

        Deployment deployment = platform.getDeployment.get(admin, queued.id().value());
        assertFailedWithoutSite(deployment, "Could not check out commit " + queued.commitSha().abbreviated()
                + " of acme/web.");
    }

    @Test
    void aRunFindingItsDeploymentLeftBuildingByACrashedNodeFailsItWithTheReason() {
        ProjectOverview project = project(null, null);
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        // The first run got as far as "building" on a node that then died.
        platform.store.update(platform.store.findById(queued.id()).orElseThrow()
                .startBuilding(platform.clock.instant()));

        platform.runScheduledPipelines();

        Deployment deployment = platform.getDeployment.get(admin, queued.id().value());
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(deployment.failureReason()).isEqualTo(RunDeploymentPipelineService.INTERRUPTED_REASON)
                .contains("stopped before it finished");
        assertThat(log(deployment)).last().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.ERROR);
            assertThat(line.message()).isEqualTo(RunDeploymentPipelineService.INTERRUPTED_REASON);
        });
        assertThat(platform.sites.filesOf(deployment.id())).isEmpty();
        assertThat(platform.builds.requests()).isEmpty();
    }

    @Test
    void aRunForAFinalDeploymentChangesNothing() {
        ProjectOverview project = project("npm run build", null);
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        platform.cancelDeployment.cancel(admin, queued.id().value());
        Deployment cancelled = platform.getDeployment.get(admin, queued.id().value());
        List<LogLine> logBefore = log(cancelled);

        platform.runScheduledPipelines();
        platform.runPipeline.run(queued.id());

        assertThat(platform.getDeployment.get(admin, queued.id().value())).isEqualTo(cancelled);
        assertThat(log(cancelled)).isEqualTo(logBefore);
        assertThat(platform.builds.requests()).isEmpty();
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();

        Deployment succeeded = deployAndRun(project);
        List<LogLine> succeededLog = log(succeeded);
        platform.runPipeline.run(succeeded.id());
        assertThat(platform.getDeployment.get(admin, succeeded.id().value())).isEqualTo(succeeded);
        assertThat(log(succeeded)).isEqualTo(succeededLog);
        assertThat(platform.builds.requests()).hasSize(1);
    }

    @Test
    void aRunForADeletedDeploymentDoesNothing() {
        ProjectOverview project = project("npm run build", null);
        Deployment queued = platform.triggerDeployment.trigger(admin, aTriggerOf(project).build());
        platform.deleteDeployment.delete(admin, queued.id().value());

        platform.runScheduledPipelines();

        assertThat(platform.builds.requests()).isEmpty();
        assertThat(platform.sites.filesOf(queued.id())).isEmpty();
        assertThat(platform.workspaces.exists(queued.id())).isFalse();
        assertThatThrownBy(() -> platform.getDeployment.get(admin,
                queued.id().value())).isInstanceOf(NotFound.class);
    }

    @Test
    void buildOutputIsCappedAndTheCapIsAnnouncedOnlyWhenLinesAreDropped() {
        String[] exactlyTheCap = IntStream.rangeClosed(1, SETTINGS.maxBuildOutputLines()).mapToObj(i -> "line " + i)
                .toArray(String[]::new);
        ProjectOverview project = project("npm run build", null);
        platform.builds.printing(exactlyTheCap);
        Deployment atTheCap = deployAndRun(project);

        assertThat(messages(atTheCap)).filteredOn(m -> m.startsWith("line ")).hasSize(1000);
        assertThat(messages(atTheCap)).noneMatch(m -> m.startsWith("Build output exceeded"));

        String[] overTheCap = IntStream.rangeClosed(1, SETTINGS.maxBuildOutputLines() + 5)
                .mapToObj(i -> "line " + i).toArray(String[]::new);
        platform.builds.printing(overTheCap);
        Deployment over = deployAndRun(project);

        List<String> overMessages = messages(over);
        assertThat(overMessages).filteredOn(m -> m.startsWith("line ")).hasSize(1000).endsWith("line 1000");
        assertThat(overMessages).filteredOn(m -> m.startsWith("Build output exceeded")).singleElement()
                .isEqualTo("Build output exceeded 1000 lines; further output is not kept");
        assertThat(overMessages.indexOf("Build output exceeded 1000 lines; further output is not kept"))
                .isEqualTo(overMessages.indexOf("line 1000") + 1);
        assertThat(over.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    /** Stand-in around the store's deployment writes: remembers every state the pipeline stored. */
    private static final class RecordingSaves implements SaveDeploymentPort {
        final List<Deployment> saved = new CopyOnWriteArrayList<>();
        private final SaveDeploymentPort delegate;

        RecordingSaves(SaveDeploymentPort delegate) {
            this.delegate = delegate;
        }

        @Override
        public Deployment insert(Deployment deployment) {
            return delegate.insert(deployment);
        }

        @Override
        public Deployment update(Deployment deployment) {
            Deployment stored = delegate.update(deployment);
            saved.add(stored);
            return stored;
        }
    }
}
