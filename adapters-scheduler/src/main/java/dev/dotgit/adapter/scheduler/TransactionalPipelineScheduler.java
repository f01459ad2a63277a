package dev.dotgit.adapter.scheduler;

import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.domain.deployment.DeploymentId;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Schedules a deployment's pipeline as a row in the job table, written on the caller's
 * transaction so that the job exists exactly when the deployment does. See
 * {@link TransactionalJobs} for how the caller's transaction is joined.
 */
@Singleton
final class TransactionalPipelineScheduler implements SchedulePipelinePort {

    private final TransactionalJobs jobs;

    TransactionalPipelineScheduler(TransactionalJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Scheduling an already scheduled deployment (a retried request, say) finds its execution
     * and leaves it alone. Scheduling it again after its pipeline finished creates a new
     * execution; the pipeline use case ignores a deployment that is already final.
     *
     * <p>Two transactions scheduling the same deployment at the same moment: each looks first and
     * sees nothing, both insert, and the primary key makes the second insert wait for the first
     * transaction. If that commits, the second insert fails; on PostgreSQL the failure poisons the
     * second transaction, so it ends in {@link StorageUnavailable} and rolls back, and the one
     * execution runs once. Deployment ids are created inside the scheduling transaction, so the
     * trigger use case never races itself this way.
     */
    @Override
    public void schedule(DeploymentId deployment) {
        jobs.scheduleIfNotExists(PipelineTask.instanceFor(deployment), Instant.now(),
                "scheduling the deployment pipeline");
    }
}
