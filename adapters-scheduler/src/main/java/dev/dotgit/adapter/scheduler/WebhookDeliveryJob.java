package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase;
import jakarta.inject.Singleton;

/** Webhook deliveries as a durable job (see {@link WebhookDeliveryTask}). */
@Singleton
final class WebhookDeliveryJob implements DurableJob {

    private final Task<Void> task;

    WebhookDeliveryJob(DeliverWebhookUseCase deliveries) {
        this.task = WebhookDeliveryTask.create(deliveries);
    }

    @Override
    public Task<?> task() {
        return task;
    }
}
