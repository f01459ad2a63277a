package dev.dotgit.application.service.pipeline;

import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.BuildRequest;
import dev.dotgit.application.port.out.build.RunBuildPort;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.site.PublishedSite;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.application.service.deployment.DeploymentUpdates;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.error.IllegalDeploymentTransition;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.shared.Timestamps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The deployment pipeline: {@code queued → building} (checkout, build command) {@code →
 * deploying} (publish the output directory) {@code → succeeded}, or {@code failed} with the
 * reason in the log. Every state change is one optimistic-locked write (see
 * {@link DeploymentUpdates}), so a cancel or delete arriving at any moment wins or loses
 * cleanly; the pipeline then stops and discards its work.
 */
public final class RunDeploymentPipelineService implements RunDeploymentPipelineUseCase {

    static final String INTERRUPTED_REASON =
            "The node running this deployment stopped before it finished; the deployment was abandoned. Deploy again.";
    static final String SHUTDOWN_REASON = "The server shut down during this deployment. Deploy again.";
    private static final System.Logger LOG = System.getLogger(RunDeploymentPipelineService.class.getName());
    private static final int PROGRESS_CHECKED_OUT = 25;
    private static final int PROGRESS_BUILD_RUNNING = 30;
    private static final int PROGRESS_BUILT = 70;

    private final RunInTransactionPort transactions;
    private final LoadDeploymentPort deployments;
    private final SaveDeploymentPort saveDeployments;
    private final DeploymentUpdates updates;
    private final AppendDeploymentLogPort logs;
    private final LoadProjectPort projects;
    private final SaveProjectPort saveProjects;
    private final LoadRepositoryPort repositories;
    private final SourceRepositoryPort sources;
    private final BuildWorkspacePort workspaces;
    private final RunBuildPort builds;
    private final SiteStoragePort sites;
    private final ActivePipelines activePipelines;
    private final ScheduledExecutorService timer;
    private final PlatformUrls urls;
    private final PipelineSettings settings;
    private final WebhookEvents events;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public RunDeploymentPipelineService(RunInTransactionPort transactions, LoadDeploymentPort deployments,
                                        SaveDeploymentPort saveDeployments, AppendDeploymentLogPort logs,
                                        LoadProjectPort projects, SaveProjectPort saveProjects,
                                        LoadRepositoryPort repositories, SourceRepositoryPort sources,
                                        BuildWorkspacePort workspaces, RunBuildPort builds, SiteStoragePort sites,
                                        ActivePipelines activePipelines, ScheduledExecutorService timer,
                                        PlatformUrls urls, PipelineSettings settings, WebhookEvents events,
                                        Clock clock) {
        this.transactions = transactions;
        this.deployments = deployments;
        this.saveDeployments = saveDeployments;
        this.logs = logs;
        this.projects = projects;
        this.saveProjects = saveProjects;
        this.repositories = repositories;
        this.sources = sources;
        this.workspaces = workspaces;
        this.builds = builds;
        this.sites = sites;
        this.activePipelines = activePipelines;
        this.timer = timer;
        this.urls = urls;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.updates = new DeploymentUpdates(transactions, deployments, saveDeployments, logs, events);
    }

    @Override
    public void run(DeploymentId id) {
        Optional<Deployment> found = deployments.findById(id);
        if (found.isEmpty() || found.get().status().isFinal()) {
            return; // deleted or cancelled before it started, or a repeated run of a finished job
        }
        if (found.get().status() != DeploymentStatus.QUEUED) {
            // A run that finds its deployment already past "queued" follows one that died
            // with its node: the work of that run is lost, so say so rather than guess.
            fail(id, INTERRUPTED_REASON);
            workspaces.delete(id);
            return;
        }
        BuildCancellation cancellation = activePipelines.register(id);
        PipelineLog log = new PipelineLog(id, logs, transactions, clock, settings.maxBuildOutputLines());
        ScheduledFuture<?> watcher = timer.scheduleWithFixedDelay(() -> watch(id, cancellation),
                settings.cancellationCheckEvery().toMillis(), settings.cancellationCheckEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> flusher = timer.scheduleWithFixedDelay(() -> flushQuietly(log),
                settings.logFlushEvery().toMillis(), settings.logFlushEvery().toMillis(), TimeUnit.MILLISECONDS);
        try {
            execute(id, cancellation, log);
        } catch (PipelineStopped stopped) {
            LOG.log(Level.DEBUG, "pipeline of {0} stopped: {1}", id, stopped.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.log(Level.ERROR, "pipeline of " + id + " failed unexpectedly", unexpected);
            flushQuietly(log);
            fail(id, "The deployment failed because of an internal error of the platform.");
        } finally {
            watcher.cancel(false);
            flusher.cancel(false);
            activePipelines.unregister(id);
            flushQuietly(log);
            workspaces.delete(id);
        }
    }

    private void execute(DeploymentId id, BuildCancellation cancellation, PipelineLog log) {
        Deployment deployment = transition(id, d -> d.startBuilding(Timestamps.now(clock)));
        Project project = projects.findById(deployment.account(), deployment.project())
                .orElseThrow(() -> new PipelineStopped("project deleted"));
        Repository repository = repositories.findById(deployment.account(), deployment.repository())
                .orElseThrow(() -> new PipelineStopped("repository deleted"));
        log.info("Build started for " + project.name().value() + " (" + deployment.environment().wireName() + ")");

        Path workspace = workspaces.create(id);
        log.info("Cloning " + repository.fullName() + " at " + deployment.commitSha().abbreviated() + " (branch "
                + deployment.branch().value() + ")");
        try {
            sources.checkout(deployment.repository(), deployment.commitSha(), workspace);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checkout of " + id + " failed", e);
            failAndStop(id, log, "Could not check out commit " + deployment.commitSha().abbreviated()
                    + " of " + repository.fullName() + ".");
        }
        progress(id, PROGRESS_CHECKED_OUT);

        String command = project.buildSettings().buildCommand();
        if (command == null) {
            log.info("No build command configured; publishing the repository contents as they are");
        } else {
            runBuild(deployment, workspace, command, cancellation, log);
        }
        stopIfCancelled(id, cancellation, log);

        transition(id, Deployment::startDeploying);
        String outputDirectory = project.buildSettings().outputDirectory();
        Path output = outputDirectory == null ? workspace : workspace.resolve(outputDirectory).normalize();
        if (!isInside(workspace, output) || !Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            failAndStop(id, log, "Output directory '" + outputDirectory + "' does not exist after the build.");
        }
        log.info("Publishing " + (outputDirectory == null ? "the repository root" : "'" + outputDirectory + "'"));
        PublishedSite site;
        try {
            site = sites.publish(id, output);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "publishing " + id + " failed", e);
            failAndStop(id, log, "Could not publish the site files.");
            return;
        }
        log.info("Published " + site.files() + " files (" + humanBytes(site.bytes()) + ")");
        goLive(id);
    }

    private void runBuild(Deployment deployment, Path workspace, String command, BuildCancellation cancellation,
                          PipelineLog log) {
        log.info("Running build command: " + command);
        progress(deployment.id(), PROGRESS_BUILD_RUNNING);
        Instant started = clock.instant();
        BuildOutcome outcome = builds.run(new BuildRequest(workspace, command, buildEnvironment(deployment, workspace),
                settings.buildTimeout()), log, cancellation);
        log.flush();
        if (outcome instanceof BuildOutcome.Exited exited && exited.succeeded()) {
            log.info("Build completed in " + seconds(Duration.between(started, clock.instant())));
            progress(deployment.id(), PROGRESS_BUILT);
        } else if (outcome instanceof BuildOutcome.Exited exited) {
            failAndStop(deployment.id(), log, "Build command exited with code " + exited.exitCode() + ".");
        } else if (outcome instanceof BuildOutcome.TimedOut timedOut) {
            failAndStop(deployment.id(), log, "Build timed out after " + seconds(timedOut.after())
                    + "; the build process was stopped.");
        } else if (outcome instanceof BuildOutcome.FailedToStart failed) {
            failAndStop(deployment.id(), log, "Build command could not be started: " + failed.reason());
        } else if (activePipelines.isShuttingDown()) {
            failAndStop(deployment.id(), log, SHUTDOWN_REASON);
        } else {
            log.info("Build stopped: the deployment was cancelled");
            throw new PipelineStopped("cancelled during build");
        }
    }

    /**
     * The build sees only what it needs: a fixed PATH, HOME in its workspace, facts about the
     * deployment, and the deployment's own variables (which may override the facts). Nothing
     * of the server's environment (database passwords, tokens) is passed on.
     */
    private static Map<String, String> buildEnvironment(Deployment deployment, Path workspace) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("CI", "true");
        env.put("DOTGIT", "1");
        env.put("DOTGIT_DEPLOYMENT_ID", deployment.id().value());
        env.put("DOTGIT_BRANCH", deployment.branch().value());
        env.put("DOTGIT_COMMIT_SHA", deployment.commitSha().value());
        env.put("DOTGIT_ENVIRONMENT", deployment.environment().wireName());
        env.putAll(deployment.envVars().values());
        env.put("HOME", workspace.toString());
        return env;
    }

    /**
     * Final step, in one transaction: the deployment succeeds, its project records it as
     * live, and the webhook events of its success are recorded. A production deployment takes
     * the production alias unless a newer one (created
     * later) already holds it, so deployments finishing out of order never roll production
     * back. If a cancel or delete won the race, its outcome stands and the site is removed.
     */
    private void goLive(DeploymentId id) {
        try {
            Deployment live = DeploymentUpdates.retryOnConflict(transactions, () -> {
                Deployment current = deployments.findById(id).orElseThrow(() -> new PipelineStopped("deleted"));
                if (current.status() != DeploymentStatus.DEPLOYING) {
                    throw new PipelineStopped("no longer deploying: " + current.status());
                }
                Instant now = Timestamps.now(clock);
                Deployment succeeded = saveDeployments.update(current.succeed(now));
                Project project = projects.findById(current.account(), current.project())
                        .orElseThrow(() -> new PipelineStopped("project deleted"));
                boolean production = current.environment() == Environment.PRODUCTION
                        && isNewerThanLive(current, project);
                saveProjects.update(project.recordLive(current.id(), production, now));
                logs.append(id, List.of(LogEntry.info(now, "Deployment is live at " + urls.deploymentSite(id)
                        + (production ? " and " + urls.productionSite(project) : ""))));
                events.deploymentEntered(succeeded);
                return succeeded;
            });
            LOG.log(Level.INFO, "deployment {0} is live", live.id());
        } catch (PipelineStopped | NotFound stopped) {
            sites.delete(id);
            throw stopped instanceof PipelineStopped p ? p : new PipelineStopped("deleted");
        }
    }

    private boolean isNewerThanLive(Deployment candidate, Project project) {
        if (project.liveProductionDeployment() == null) {
            return true;
        }
        return deployments.findById(project.liveProductionDeployment())
                .map(current -> !candidate.createdAt().isBefore(current.createdAt()))
                .orElse(true);
    }

    /**
     * Fails the deployment with {@code reason} (also written to its log). With auto-rollback, a
     * failed production deployment records the deployment production stays on. If the
     * deployment is already final (a cancel won), nothing changes.
     */
    private void fail(DeploymentId id, String reason) {
        try {
            updates.apply(id, current -> {
                Deployment failed = current.fail(Timestamps.now(clock), reason);
                if (failed.autoRollback() && failed.environment() == Environment.PRODUCTION) {
                    Optional<Project> project = projects.findById(failed.account(), failed.project());
                    if (project.isPresent() && project.get().liveProductionDeployment() != null) {
                        return failed.recordRollback(project.get().liveProductionDeployment());
                    }
                }
                return failed;
            }, failed -> failed.rolledBackTo() == null
                    ? List.of(LogEntry.error(failed.completedAt(), reason))
                    : List.of(LogEntry.error(failed.completedAt(), reason), LogEntry.warn(failed.completedAt(),
                            "Auto-rollback: production stays on " + failed.rolledBackTo().value())));
        } catch (IllegalDeploymentTransition | NotFound alreadyDone) {
            LOG.log(Level.DEBUG, "{0} already final or deleted; failure not recorded", id);
        }
    }

    private void failAndStop(DeploymentId id, PipelineLog log, String reason) {
        log.flush();
        fail(id, reason);
        throw new PipelineStopped(reason);
    }

    private Deployment transition(DeploymentId id, UnaryOperator<Deployment> change) {
        try {
            return updates.apply(id, change, saved -> List.of());
        } catch (IllegalDeploymentTransition | NotFound e) {
            throw new PipelineStopped("cannot " + e.getMessage());
        }
    }

    private void progress(DeploymentId id, int value) {
        transition(id, d -> d.advanceProgress(value));
    }

    private void stopIfCancelled(DeploymentId id, BuildCancellation cancellation, PipelineLog log) {
        if (!cancellation.isCancelled()) {
            return;
        }
        if (activePipelines.isShuttingDown()) {
            failAndStop(id, log, SHUTDOWN_REASON);
        }
        throw new PipelineStopped("cancelled");
    }

    /** Runs on the timer: notices a cancel or delete made on another node. */
    private void watch(DeploymentId id, BuildCancellation cancellation) {
        try {
            Optional<Deployment> current = deployments.findById(id);
            if (current.isEmpty() || current.get().status() == DeploymentStatus.CANCELLED) {
                cancellation.cancel();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not check deployment " + id + " for cancellation", e);
        }
    }

    private static void flushQuietly(PipelineLog log) {
        try {
            log.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the last log lines", e);
        }
    }

    private static boolean isInside(Path root, Path candidate) {
        try {
            Path realRoot = root.toRealPath();
            return candidate.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    private static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** Ends the pipeline early; the deployment's state has already been settled by whoever stopped it. */
    static final class PipelineStopped extends RuntimeException {
        PipelineStopped(String reason) {
            super(reason, null, false, false);
        }
    }
}
