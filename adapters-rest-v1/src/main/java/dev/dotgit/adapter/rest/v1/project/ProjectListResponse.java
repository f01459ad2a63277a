package dev.dotgit.adapter.rest.v1.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** {@code GET /v1/projects}: page-numbered, with the total of the whole list. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectListResponse(List<ProjectListItem> data, Meta meta) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(long total, int page, int perPage) {
    }
}
