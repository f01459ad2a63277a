package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeliveryOutcome;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job behind every webhook delivery: instance id = delivery id (nothing else stored). Each
 * run is one attempt by the use case, which says whether to run again and when (its retry
 * policy: backoff, jitter, Retry-After, the retry window); the job then reschedules its own
 * execution for that time, or completes it. So one execution lives exactly as long as its
 * delivery is pending, and a node dying mid-attempt leaves it to be revived elsewhere.
 */
final class WebhookDeliveryTask {

    static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of("webhook-delivery");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryTask.class);
    private static final Duration FIRST_FAILURE_WAIT = Duration.ofSeconds(10);
    private static final Duration LONGEST_FAILURE_WAIT = Duration.ofMinutes(5);

    private WebhookDeliveryTask() {
    }

    static TaskInstance<Void> instanceFor(WebhookDeliveryId delivery) {
        return DESCRIPTOR.instance(delivery.value()).build();
    }

    /**
     * A run that throws could not even record its attempt (storage unreachable): it is retried,
     * 10 s then doubling up to 5 min apart, until storage answers; the delivery is still pending then.
     */
    static CustomTask<Void> create(DeliverWebhookUseCase deliveries) {
        FailureHandler<Void> whileStorageIsDown = (complete, operations) -> {
            int failures = Math.max(1, complete.getExecution().consecutiveFailures + 1);
            long wait = Math.min(LONGEST_FAILURE_WAIT.toMillis(),
                    FIRST_FAILURE_WAIT.toMillis() << Math.min(failures - 1, 20));
            LOG.warn("Webhook delivery {} could not be attempted (failure {}); trying again in {} ms",
                    complete.getExecution().taskInstance.getId(), failures, wait, complete.getCause().orElse(null));
            operations.reschedule(complete, complete.getTimeDone().plusMillis(wait));
        };
        return Tasks.custom(DESCRIPTOR)
                .onFailure(whileStorageIsDown)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    Optional<WebhookDeliveryId> id = WebhookDeliveryId.parse(instance.getId());
                    if (id.isEmpty()) {
                        LOG.error("Dropping webhook job with instance id '{}': not a delivery id", instance.getId());
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    DeliveryOutcome outcome = deliveries.deliver(id.get());
                    if (outcome.retryAt().isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    Instant next = outcome.retryAt().get();
                    return (complete, operations) -> operations.reschedule(complete, next);
                });
    }
}
