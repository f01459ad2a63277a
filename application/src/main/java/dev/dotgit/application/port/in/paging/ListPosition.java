package dev.dotgit.application.port.in.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a newest-first list stopped: the creation time and id of the last row returned.
 * Rows are ordered by (createdAt desc, id desc), which is total because ids are unique.
 */
public record ListPosition(Instant createdAt, String id) {

    public ListPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
