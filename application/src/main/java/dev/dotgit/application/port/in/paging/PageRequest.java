package dev.dotgit.application.port.in.paging;

import java.util.Optional;

/**
 * Which slice of a list a caller wants. Offset pages also count the whole list (v1 shows a
 * total); keyset pages continue after the last row seen, so their cost does not grow with
 * depth and rows inserted meanwhile neither repeat nor vanish.
 */
public sealed interface PageRequest permits PageRequest.Offset, PageRequest.After {

    /** A hard ceiling whatever a version allows, so no request can ask for unbounded rows. */
    int MAX_LIMIT = 1000;

    int limit();

    static PageRequest offset(long offset, int limit) {
        return new Offset(offset, limit);
    }

    static PageRequest first(int limit) {
        return new After(Optional.empty(), limit);
    }

    static PageRequest after(ListPosition position, int limit) {
        return new After(Optional.of(position), limit);
    }

    record Offset(long offset, int limit) implements PageRequest {
        public Offset {
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("page out of range: offset " + offset + ", limit " + limit);
            }
        }
    }

    record After(Optional<ListPosition> position, int limit) implements PageRequest {
        public After {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit out of range: " + limit);
            }
        }
    }
}
