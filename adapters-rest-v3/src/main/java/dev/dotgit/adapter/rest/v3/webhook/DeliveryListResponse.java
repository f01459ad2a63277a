package dev.dotgit.adapter.rest.v3.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryListResponse(List<DeliveryResponse> deliveries, Pagination pagination) {
}
