package dev.dotgit.application.port.out.contract;

import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import java.util.Objects;

/** The webhook storage ports of one store, for {@link WebhookPortsContract}; same expectations as {@link PersistencePorts}. */
public record WebhookPorts(RunInTransactionPort transactions, LoadWebhookPort loadWebhooks,
                           SaveWebhookPort saveWebhooks, WebhookOutboxPort outbox,
                           LoadWebhookDeliveryPort loadDeliveries, SaveWebhookDeliveryPort saveDeliveries) {

    public WebhookPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(loadWebhooks, "loadWebhooks");
        Objects.requireNonNull(saveWebhooks, "saveWebhooks");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(loadDeliveries, "loadDeliveries");
        Objects.requireNonNull(saveDeliveries, "saveDeliveries");
    }

    public static <S extends RunInTransactionPort & LoadWebhookPort & SaveWebhookPort & WebhookOutboxPort
            & LoadWebhookDeliveryPort & SaveWebhookDeliveryPort> WebhookPorts allImplementedBy(S store) {
        return new WebhookPorts(store, store, store, store, store, store);
    }
}
