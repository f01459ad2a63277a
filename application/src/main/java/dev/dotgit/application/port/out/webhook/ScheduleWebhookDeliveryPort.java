package dev.dotgit.application.port.out.webhook;

import dev.dotgit.domain.webhook.WebhookDeliveryId;
import java.time.Instant;

/**
 * Durable scheduling of delivery attempts, on the caller's transaction (like
 * {@link dev.dotgit.application.port.out.scheduling.SchedulePipelinePort}): once the caller
 * commits, the delivery is attempted at or after {@code at} even if this node dies right after
 * the commit, and until {@link dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase}
 * says it is done.
 */
public interface ScheduleWebhookDeliveryPort {

    void schedule(WebhookDeliveryId delivery, Instant at);
}
