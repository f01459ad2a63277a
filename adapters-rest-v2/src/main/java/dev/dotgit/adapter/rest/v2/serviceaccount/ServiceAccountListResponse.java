package dev.dotgit.adapter.rest.v2.serviceaccount;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dotgit.adapter.rest.v2.http.Pagination;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceAccountListResponse(List<ServiceAccountResponse> data, Pagination pagination) {
}
