package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.error.StorageUnavailable;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Schedules a deployment's pipeline as a row in the job table, written on the caller's
 * transaction so that the job exists exactly when the deployment does.
 *
 * <p>How the transaction is joined: the db-scheduler client is built on the injected
 * {@link DataSource}, which is Micronaut's transaction-aware proxy. Each statement the client
 * runs therefore gets the connection of the transaction bound to the calling thread. db-scheduler
 * commits a connection only when it is in auto-commit mode or when told to commit regardless
 * ({@code commitWhenAutocommitDisabled}, which its client never sets), and a transaction's
 * connection is not in auto-commit mode; it closes every connection it obtained, and the proxy
 * ignores {@code close()}. So scheduling neither commits nor releases the caller's transaction.
 * {@link TransactionOperations#executeWrite} makes that transaction explicit: it joins the
 * caller's, or opens one of its own for a caller that has none.
 */
@Singleton
final class TransactionalPipelineScheduler implements SchedulePipelinePort {

    private final TransactionOperations<Connection> transactions;
    private final SchedulerClient jobs;
    private final BeanProvider<JobWorker> localWorker;

    TransactionalPipelineScheduler(TransactionOperations<Connection> transactions, DataSource transactionAwareDataSource,
                                   @Value("${datasources.default.url:}") String jdbcUrl,
                                   BeanProvider<JobWorker> localWorker) {
        this.transactions = transactions;
        // No known tasks: the client only inserts and looks up rows by task name and id, which
        // db-scheduler supports for standalone clients. So scheduling does not depend on the
        // pipeline use case, and the trigger use case that depends on this port cannot close a
        // bean-creation cycle through it.
        this.jobs = SchedulerClient.Builder.create(transactionAwareDataSource)
                .tableName(JobTable.NAME)
                .jdbcCustomization(JobTable.customizationFor(jdbcUrl))
                .build();
        this.localWorker = localWorker;
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
        try {
            transactions.executeWrite(status -> {
                boolean created = jobs.scheduleIfNotExists(PipelineTask.instanceFor(deployment), Instant.now());
                if (created) {
                    status.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            localWorker.ifPresent(JobWorker::checkForDueJobsNow);
                        }
                    });
                }
                return created;
            });
        } catch (RuntimeException e) {
            throw new StorageUnavailable("scheduling the deployment pipeline", e);
        }
    }
}
