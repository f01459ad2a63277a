package dev.dotgit.adapter.rest.v3.webhook;

import dev.dotgit.adapter.rest.v3.http.V3WireValues;
import dev.dotgit.application.port.in.webhook.CreatedWebhook;
import dev.dotgit.application.port.in.webhook.Webhook;
import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookId;
import java.net.URI;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Webhooks and their deliveries to v3 payloads. Never shown: the secret after creation (the
 * in-port's {@link Webhook} does not even carry it), a delivery's {@code account} (the caller's
 * own).
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface WebhookMapper extends V3WireValues {

    WebhookResponse toResponse(Webhook webhook);

    List<WebhookResponse> toResponses(List<Webhook> webhooks);

    @Mapping(target = "id", source = "webhook.id")
    @Mapping(target = "url", source = "webhook.url")
    @Mapping(target = "events", source = "webhook.events")
    @Mapping(target = "apiVersion", source = "webhook.apiVersion")
    @Mapping(target = "status", source = "webhook.status")
    @Mapping(target = "disabledReason", source = "webhook.disabledReason")
    @Mapping(target = "createdAt", source = "webhook.createdAt")
    @Mapping(target = "secret", source = "secret")
    CreatedWebhookResponse toCreated(CreatedWebhook created);

    @Mapping(target = "webhookId", source = "subscription")
    @Mapping(target = "eventId", source = "event")
    @BeanMapping(ignoreUnmappedSourceProperties = "account")
    DeliveryResponse toDelivery(WebhookDelivery delivery);

    List<DeliveryResponse> toDeliveries(List<WebhookDelivery> deliveries);

    @Mapping(target = "attemptedAt", source = "at")
    @Mapping(target = "statusCode", source = "httpStatus")
    AttemptItem toAttempt(DeliveryAttempt attempt);

    default String webhookId(WebhookId id) {
        return id == null ? null : id.value();
    }

    default String deliveryId(WebhookDeliveryId id) {
        return id == null ? null : id.value();
    }

    default String eventId(WebhookEventId id) {
        return id == null ? null : id.value();
    }

    default String url(URI url) {
        return url == null ? null : url.toString();
    }

    default String apiVersion(WebhookApiVersion version) {
        return version == null ? null : version.wireName();
    }

    default String subscriptionStatus(SubscriptionStatus status) {
        return status == null ? null : status.wireName();
    }

    default String eventType(WebhookEventType type) {
        return type == null ? null : type.wireName();
    }

    default String deliveryStatus(DeliveryStatus status) {
        return status == null ? null : V3DeliveryStatus.wordFor(status);
    }
}
