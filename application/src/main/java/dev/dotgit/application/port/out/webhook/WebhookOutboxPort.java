package dev.dotgit.application.port.out.webhook;

import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import java.util.List;
import java.util.Optional;

/**
 * Events waiting to be delivered, written on the caller's transaction: an event and its
 * deliveries exist exactly when the state change that raised them does.
 */
public interface WebhookOutboxPort {

    /** One more than the highest sequence of the deployment's events; 1 for its first. */
    long nextSequence(DeploymentId deployment);

    /** One more than the highest sequence of the repository's push events; 1 for its first. */
    long nextSequence(RepositoryId repository);

    /** Stores the event and one pending delivery per subscription that wants it. */
    void append(WebhookEvent event, List<WebhookDelivery> deliveries);

    Optional<WebhookEvent> findEvent(WebhookEventId id);
}
