package dev.dotgit.application.port.in.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One slice of a list.
 *
 * @param hasMore whether rows exist beyond this slice
 * @param total   the size of the whole list, counted for offset pages only
 */
public record Page<T>(List<T> items, boolean hasMore, OptionalLong total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> counted(List<T> items, long offset, long total) {
        return new Page<>(items, offset + items.size() < total, OptionalLong.of(total));
    }

    public static <T> Page<T> slice(List<T> items, boolean hasMore) {
        return new Page<>(items, hasMore, OptionalLong.empty());
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), hasMore, total);
    }
}
