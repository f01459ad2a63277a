package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
 * Writes job rows on the caller's transaction, so that a job exists exactly when the business
 * row that needs it does (a deployment and its pipeline, a delivery and its attempt), and
 * wakes this node's worker after the commit when the job is already due.
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
final class TransactionalJobs {

    private final TransactionOperations<Connection> transactions;
    private final SchedulerClient jobs;
    private final BeanProvider<JobWorker> localWorker;

    TransactionalJobs(TransactionOperations<Connection> transactions, DataSource transactionAwareDataSource,
                      @Value("${datasources.default.url:}") String jdbcUrl, BeanProvider<JobWorker> localWorker) {
        this.transactions = transactions;
        // No known tasks: the client only inserts and looks up rows by task name and id, which
        // db-scheduler supports for standalone clients. So scheduling depends on no use case,
        // and a use case that depends on a scheduling port cannot close a bean-creation cycle.
        this.jobs = SchedulerClient.Builder.create(transactionAwareDataSource)
                .tableName(JobTable.NAME)
                .jdbcCustomization(JobTable.customizationFor(jdbcUrl))
                .build();
        this.localWorker = localWorker;
    }

    /**
     * Schedules {@code job} at {@code at} unless an execution with its task name and id exists.
     *
     * @param what for the error if the job table cannot be written, e.g. "scheduling a webhook delivery"
     * @return whether a new execution was written
     */
    boolean scheduleIfNotExists(TaskInstance<?> job, Instant at, String what) {
        try {
            return transactions.executeWrite(status -> {
                boolean created = jobs.scheduleIfNotExists(job, at);
                if (created && !at.isAfter(Instant.now())) {
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
            throw new StorageUnavailable(what, e);
        }
    }
}
