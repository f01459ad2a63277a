package dev.dotgit.domain.repository;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

public record RepositoryId(String value) {

    public static final String PREFIX = "repo";

    public RepositoryId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static RepositoryId generate() {
        return new RepositoryId(Ids.newId(PREFIX));
    }

    public static Optional<RepositoryId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new RepositoryId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
