package dev.dotgit.domain.deployment;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.DeploymentNotCancellable;
import dev.dotgit.domain.error.IllegalDeploymentTransition;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to put a commit of a project's repository online. Immutable: every transition
 * returns the next state of the deployment, and refuses any move the state machine of
 * {@link DeploymentStatus} does not allow.
 *
 * @param progress      0–100, never decreasing; 100 exactly when the deployment is live
 * @param startedAt     when the build began, or null while queued (or if cancelled while queued)
 * @param completedAt   when the deployment reached a final state, or null while active
 * @param cancelledBy   the principal that cancelled it, or null
 * @param failureReason why it failed (also written to its log), or null
 * @param rolledBackTo  after an auto-rollback, the deployment production went back to; else null
 * @param version       optimistic-locking counter, owned by storage
 */
public record Deployment(DeploymentId id, AccountSlug account, ProjectId project, RepositoryId repository,
                         BranchName branch, CommitSha commitSha, Environment environment, Strategy strategy,
                         boolean autoRollback, EnvVars envVars, DeploymentStatus status, int progress,
                         Instant createdAt, Instant startedAt, Instant completedAt, String cancelledBy,
                         Instant cancelledAt, String failureReason, DeploymentId rolledBackTo, long version) {

    public static final int PROGRESS_BUILDING = 10;
    public static final int PROGRESS_DEPLOYING = 80;
    public static final int PROGRESS_LIVE = 100;

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        envVars = envVars == null ? EnvVars.NONE : envVars;
        if (progress < 0 || progress > PROGRESS_LIVE) {
            throw new IllegalArgumentException("progress out of range: " + progress);
        }
        if ((progress == PROGRESS_LIVE) != (status == DeploymentStatus.SUCCEEDED)) {
            throw new IllegalArgumentException("progress is 100 exactly when the deployment succeeded");
        }
        if (status.isFinal() != (completedAt != null)) {
            throw new IllegalArgumentException("a deployment has a completion time exactly when it is final");
        }
    }

    /** A new deployment, waiting for the pipeline. */
    public static Deployment queue(AccountSlug account, ProjectId project, RepositoryId repository, BranchName branch,
                                   CommitSha commitSha, Environment environment, Strategy strategy,
                                   boolean autoRollback, EnvVars envVars, Instant now) {
        return new Deployment(DeploymentId.generate(), account, project, repository, branch, commitSha, environment,
                strategy, autoRollback, envVars, DeploymentStatus.QUEUED, 0, now, null, null, null, null, null, null,
                0);
    }

    public Deployment startBuilding(Instant now) {
        requireTransition(DeploymentStatus.BUILDING);
        return with(DeploymentStatus.BUILDING, Math.max(progress, PROGRESS_BUILDING), now, null, null, null, null);
    }

    public Deployment startDeploying() {
        requireTransition(DeploymentStatus.DEPLOYING);
        return with(DeploymentStatus.DEPLOYING, Math.max(progress, PROGRESS_DEPLOYING), startedAt, null, null, null,
                null);
    }

    public Deployment succeed(Instant now) {
        requireTransition(DeploymentStatus.SUCCEEDED);
        return with(DeploymentStatus.SUCCEEDED, PROGRESS_LIVE, startedAt, now, null, null, null);
    }

    public Deployment fail(Instant now, String reason) {
        requireTransition(DeploymentStatus.FAILED);
        return with(DeploymentStatus.FAILED, progress, startedAt, now, null, null, Objects.requireNonNull(reason));
    }

    /** Stops the deployment on behalf of {@code principal}; a finished deployment cannot be cancelled. */
    public Deployment cancel(Instant now, String principal) {
        if (status.isFinal()) {
            throw new DeploymentNotCancellable(id.value(), status.name().toLowerCase(Locale.ROOT));
        }
        return with(DeploymentStatus.CANCELLED, progress, startedAt, now, Objects.requireNonNull(principal), now,
                null);
    }

    /** Moves progress forward while active (never back, and never to 100 before going live). */
    public Deployment advanceProgress(int newProgress) {
        if (status.isFinal() || newProgress <= progress) {
            return this;
        }
        return with(status, Math.min(newProgress, PROGRESS_LIVE - 1), startedAt, completedAt, cancelledBy,
                cancelledAt, failureReason);
    }

    /** Records that its failure put production back on {@code previous}. */
    public Deployment recordRollback(DeploymentId previous) {
        if (status != DeploymentStatus.FAILED) {
            throw new IllegalDeploymentTransition(id.value(), status.name(), "ROLLED_BACK");
        }
        return new Deployment(id, account, project, repository, branch, commitSha, environment, strategy, autoRollback,
                envVars, status, progress, createdAt, startedAt, completedAt, cancelledBy, cancelledAt,
                failureReason, Objects.requireNonNull(previous), version);
    }

    /** Time from the start of the build to the final state; empty until both are known. */
    public Optional<Duration> buildDuration() {
        return startedAt != null && completedAt != null
                ? Optional.of(Duration.between(startedAt, completedAt))
                : Optional.empty();
    }

    /** The same deployment as storage now holds it, at {@code newVersion}. */
    public Deployment withVersion(long newVersion) {
        return new Deployment(id, account, project, repository, branch, commitSha, environment, strategy, autoRollback,
                envVars, status, progress, createdAt, startedAt, completedAt, cancelledBy, cancelledAt,
                failureReason, rolledBackTo, newVersion);
    }

    public boolean isActive() {
        return status.isActive();
    }

    private void requireTransition(DeploymentStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalDeploymentTransition(id.value(), status.name(), next.name());
        }
    }

    private Deployment with(DeploymentStatus newStatus, int newProgress, Instant newStartedAt, Instant newCompletedAt,
                            String newCancelledBy, Instant newCancelledAt, String newFailureReason) {
        return new Deployment(id, account, project, repository, branch, commitSha, environment, strategy, autoRollback,
                envVars, newStatus, newProgress, createdAt, newStartedAt, newCompletedAt, newCancelledBy,
                newCancelledAt, newFailureReason, rolledBackTo, version);
    }
}
