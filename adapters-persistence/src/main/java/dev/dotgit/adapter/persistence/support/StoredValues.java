package dev.dotgit.adapter.persistence.support;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How small sets and enum values are kept in varchar columns. Sets are comma-separated: their
 * values (wire names, ids) are drawn from {@code [a-z0-9_:]}, so a comma never needs escaping,
 * and they are sorted, so equal sets are stored as equal text.
 */
public final class StoredValues {

    private StoredValues() {
    }

    public static <T> String join(Collection<T> values, Function<T, String> toText) {
        return values.stream().map(toText).sorted().collect(Collectors.joining(","));
    }

    public static <T> Set<T> split(String stored, Function<String, T> fromText) {
        Set<T> values = new LinkedHashSet<>();
        if (stored != null && !stored.isEmpty()) {
            for (String text : stored.split(",")) {
                values.add(fromText.apply(text));
            }
        }
        return values;
    }

    /** A stored enum value this version of the code no longer knows is a broken row, not an empty result. */
    public static <T> T known(Optional<T> value, String kind, String stored) {
        return value.orElseThrow(() -> new IllegalStateException("unknown " + kind + " in storage: " + stored));
    }
}
