package dev.dotgit.adapter.rest.v2.webhook;

import dev.dotgit.adapter.rest.v2.http.V2WireValues;
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
 * Webhook subscriptions and deliveries to v2 payloads. Both policies are errors, so a new
 * field of either fails the build until v2 decides whether to show it.
 *
 * <p>A subscription's {@code status} is shown as the boolean {@code active} (GitHub's word);
 * a delivery's {@code account} is never shown (internal).
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface WebhookMapper extends V2WireValues {

    @Mapping(target = "active", source = "status")
    WebhookResponse toResponse(Webhook webhook);

    List<WebhookResponse> toResponses(List<Webhook> webhooks);

    @Mapping(target = "webhookId", source = "subscription")
    @Mapping(target = "eventId", source = "event")
    @Mapping(target = "event", source = "eventType")
    @BeanMapping(ignoreUnmappedSourceProperties = "account")
    DeliveryResponse toResponse(WebhookDelivery delivery);

    List<DeliveryResponse> toDeliveryResponses(List<WebhookDelivery> deliveries);

    @Mapping(target = "attemptedAt", source = "at")
    @Mapping(target = "statusCode", source = "httpStatus")
    DeliveryResponse.AttemptResponse toResponse(DeliveryAttempt attempt);

    default String webhookId(WebhookId id) {
        return id == null ? null : id.value();
    }

    default String deliveryId(WebhookDeliveryId id) {
        return id == null ? null : id.value();
    }

    default String eventId(WebhookEventId id) {
        return id == null ? null : id.value();
    }

    default String eventType(WebhookEventType type) {
        return type == null ? null : type.wireName();
    }

    default String apiVersion(WebhookApiVersion version) {
        return version == null ? null : version.wireName();
    }

    default String url(URI url) {
        return url == null ? null : url.toString();
    }

    default boolean active(SubscriptionStatus status) {
        return status == SubscriptionStatus.ACTIVE;
    }

    default String deliveryStatus(DeliveryStatus status) {
        return status == null ? null : V2DeliveryStatus.wordFor(status);
    }
}
