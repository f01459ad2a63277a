package dev.dotgit.adapter.rest.v2.serviceaccount;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** The reply of {@code POST /v2/service-accounts}: the service account and, this once, its client secret. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreatedServiceAccountResponse(String id, String name, List<String> scopes, List<String> projectIds,
                                            String clientId, String clientSecret, String createdAt) {

    static CreatedServiceAccountResponse of(ServiceAccountResponse account, String clientSecret) {
        return new CreatedServiceAccountResponse(account.id(), account.name(), account.scopes(), account.projectIds(),
                account.clientId(), clientSecret, account.createdAt());
    }
}
