package dev.dotgit.adapter.scheduler;

import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Schedules a webhook delivery's job as a row in the job table on the caller's transaction,
 * through {@link TransactionalJobs} as pipelines are: the job exists exactly when the delivery
 * row does.
 */
@Singleton
final class TransactionalWebhookDeliveryScheduler implements ScheduleWebhookDeliveryPort {

    private final TransactionalJobs jobs;

    TransactionalWebhookDeliveryScheduler(TransactionalJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void schedule(WebhookDeliveryId delivery, Instant at) {
        jobs.scheduleIfNotExists(WebhookDeliveryTask.instanceFor(delivery), at, "scheduling a webhook delivery");
    }
}
