package dev.dotgit.application.port.out.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookId;
import java.util.Optional;

public interface LoadWebhookDeliveryPort {

    /** The delivery with its attempts, oldest attempt first. */
    Optional<WebhookDelivery> findById(WebhookDeliveryId id);

    /** The subscription's deliveries (with attempts), newest first, only those in {@code status} if given. */
    Page<WebhookDelivery> list(WebhookId subscription, Optional<DeliveryStatus> status, PageRequest page);
}
