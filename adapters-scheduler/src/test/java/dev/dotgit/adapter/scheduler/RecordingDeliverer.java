package dev.dotgit.adapter.scheduler;

import dev.dotgit.application.port.in.webhook.DeliverWebhookUseCase;
import dev.dotgit.application.port.in.webhook.DeliveryOutcome;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Stands in for the delivery use case on one node: records every run, then answers as the test asks (done, by default). */
@Singleton
final class RecordingDeliverer implements DeliverWebhookUseCase {

    private final List<WebhookDeliveryId> runs = new CopyOnWriteArrayList<>();
    private volatile Function<WebhookDeliveryId, DeliveryOutcome> behaviour = id -> DeliveryOutcome.DONE;

    @Override
    public DeliveryOutcome deliver(WebhookDeliveryId delivery) {
        runs.add(delivery);
        return behaviour.apply(delivery);
    }

    void behaveAs(Function<WebhookDeliveryId, DeliveryOutcome> behaviour) {
        this.behaviour = behaviour;
    }

    long runsOf(WebhookDeliveryId delivery) {
        return runs.stream().filter(delivery::equals).count();
    }

    List<WebhookDeliveryId> runs() {
        return List.copyOf(runs);
    }
}
