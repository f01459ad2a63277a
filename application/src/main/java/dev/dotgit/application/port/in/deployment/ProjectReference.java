package dev.dotgit.application.port.in.deployment;

import java.util.Objects;

/**
 * How a caller names the project to deploy. v1 and v3 send its id; v2 sends a repository id
 * or a project given by id or by name.
 */
public sealed interface ProjectReference {

    String raw();

    static ProjectReference byId(String raw) {
        return new ById(raw);
    }

    static ProjectReference byIdOrName(String raw) {
        return new ByIdOrName(raw);
    }

    static ProjectReference byRepository(String raw) {
        return new ByRepository(raw);
    }

    record ById(String raw) implements ProjectReference {
        public ById {
            Objects.requireNonNull(raw, "raw");
        }
    }

    record ByIdOrName(String raw) implements ProjectReference {
        public ByIdOrName {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** The project connected to this repository (the one created with it). */
    record ByRepository(String raw) implements ProjectReference {
        public ByRepository {
            Objects.requireNonNull(raw, "raw");
        }
    }
}
