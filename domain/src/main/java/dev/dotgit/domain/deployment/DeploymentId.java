package dev.dotgit.domain.deployment;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

public record DeploymentId(String value) {

    public static final String PREFIX = "dep";

    public DeploymentId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static DeploymentId generate() {
        return new DeploymentId(Ids.newId(PREFIX));
    }

    public static Optional<DeploymentId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new DeploymentId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
