package dev.dotgit.domain.project;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

public record ProjectId(String value) {

    public static final String PREFIX = "proj";

    public ProjectId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static ProjectId generate() {
        return new ProjectId(Ids.newId(PREFIX));
    }

    public static Optional<ProjectId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new ProjectId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
