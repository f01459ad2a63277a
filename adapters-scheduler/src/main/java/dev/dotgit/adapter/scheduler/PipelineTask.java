package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import dev.dotgit.domain.deployment.DeploymentId;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job behind every deployment: a one-time db-scheduler task whose instance id is the
 * deployment id (nothing else is stored with it) and whose run is the pipeline use case.
 */
final class PipelineTask {

    static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of("deployment-pipeline");

    private static final Logger LOG = LoggerFactory.getLogger(PipelineTask.class);
    private static final double BACKOFF_MULTIPLIER = 2.0;

    private PipelineTask() {
    }

    static TaskInstance<Void> instanceFor(DeploymentId deployment) {
        return DESCRIPTOR.instance(deployment.value()).build();
    }

    /**
     * A run that throws is retried with exponential backoff, each wait at most
     * {@code retryMaxDelay}. The use case records its own failures on the deployment, so a
     * throw means even that failed (the database was unreachable, say). With
     * {@code maxAttempts} 0 the job never gives up: the deployment would otherwise stay
     * active for good, and a capped backoff costs one attempt per interval while the outage
     * lasts. The next successful run settles the deployment (a run finding it past "queued"
     * marks it failed with the reason). A positive {@code maxAttempts} gives up after that
     * many runs.
     *
     * <p>A run whose node died (its heartbeat went stale) is revived by whichever live node
     * notices first, and the use case, finding the deployment past {@code queued}, marks it
     * failed. db-scheduler counts the revival as a failed attempt.
     */
    static OneTimeTask<Void> create(RunDeploymentPipelineUseCase pipeline, int maxAttempts, Duration retryInitialDelay,
                                    Duration retryMaxDelay) {
        FailureHandler<Void> retries = maxAttempts == 0
                ? cappedBackoff(retryInitialDelay, retryMaxDelay)
                : FailureHandler.<Void>maxRetries(maxAttempts - 1)
                        .withBackoff(retryInitialDelay, BACKOFF_MULTIPLIER)
                        .then((complete, operations) -> operations.remove(), PipelineTask::logGivenUp);
        return Tasks.oneTime(DESCRIPTOR)
                .onFailure(retries)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> run(pipeline, instance.getId()));
    }

    private static void run(RunDeploymentPipelineUseCase pipeline, String instanceId) {
        Optional<DeploymentId> deployment = DeploymentId.parse(instanceId);
        if (deployment.isEmpty()) {
            // Only a hand-edited row gets here; retrying cannot make the id valid, so the
            // execution is completed (removed) rather than failed.
            LOG.error("Dropping pipeline job with instance id '{}': not a deployment id", instanceId);
            return;
        }
        pipeline.run(deployment.get());
    }

    /** Retries for ever, waiting {@code initial × 2^(failures-1)}, never longer than {@code max}. */
    private static FailureHandler<Void> cappedBackoff(Duration initial, Duration max) {
        return (complete, operations) -> {
            int failures = Math.max(1, complete.getExecution().consecutiveFailures + 1);
            double factor = Math.pow(BACKOFF_MULTIPLIER, Math.min(failures - 1, 30));
            long waitMillis = (long) Math.min(max.toMillis(), initial.toMillis() * factor);
            LOG.warn("Pipeline of deployment {} failed (attempt {}); retrying in {} ms",
                    complete.getExecution().taskInstance.getId(), failures, waitMillis,
                    complete.getCause().orElse(null));
            operations.reschedule(complete, complete.getTimeDone().plusMillis(waitMillis));
        };
    }

    private static void logGivenUp(ExecutionComplete complete) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        LOG.error("Gave up the pipeline of deployment {} after {} failed attempts; it stays as it is until "
                        + "it is cancelled or deleted", complete.getExecution().taskInstance.getId(), attempts,
                complete.getCause().orElse(null));
    }
}
