package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.domain.error.StorageUnavailable;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Schedules a webhook delivery's job as a row in the job table on the caller's transaction,
 * exactly as {@link TransactionalPipelineScheduler} does for pipelines (see there for how the
 * transaction is joined): the job exists exactly when the delivery row does.
 */
@Singleton
final class TransactionalWebhookDeliveryScheduler implements ScheduleWebhookDeliveryPort {

    private final TransactionOperations<Connection> transactions;
    private final SchedulerClient jobs;
    private final BeanProvider<JobWorker> localWorker;

    TransactionalWebhookDeliveryScheduler(TransactionOperations<Connection> transactions,
                                          DataSource transactionAwareDataSource,
                                          @Value("${datasources.default.url:}") String jdbcUrl,
                                          BeanProvider<JobWorker> localWorker) {
        this.transactions = transactions;
        this.jobs = SchedulerClient.Builder.create(transactionAwareDataSource)
                .tableName(JobTable.NAME)
                .jdbcCustomization(JobTable.customizationFor(jdbcUrl))
                .build();
        this.localWorker = localWorker;
    }

    @Override
    public void schedule(WebhookDeliveryId delivery, Instant at) {
        try {
            transactions.executeWrite(status -> {
                boolean created = jobs.scheduleIfNotExists(WebhookDeliveryTask.instanceFor(delivery), at);
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
            throw new StorageUnavailable("scheduling a webhook delivery", e);
        }
    }
}
