package dev.dotgit.adapter.rest.v3.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * v3's unified pagination object: {@code {"has_more":bool,"next_cursor":"…"|null}}.
 * {@code next_cursor} is null exactly when {@code has_more} is false.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Pagination(boolean hasMore, String nextCursor) {

    /** The header that repeats {@code next_cursor}; absent when there is no next page. */
    public static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static Pagination of(boolean hasMore, String nextCursor) {
        return new Pagination(hasMore && nextCursor != null, hasMore ? nextCursor : null);
    }

    /** A 200 answer carrying {@code body}, with {@code X-Next-Cursor} when a next page exists. */
    public <T> MutableHttpResponse<T> ok(T body) {
        MutableHttpResponse<T> response = HttpResponse.ok(body);
        if (nextCursor != null) {
            response.header(NEXT_CURSOR_HEADER, nextCursor);
        }
        return response;
    }
}
