package dev.dotgit.domain.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public enum Environment {
    PRODUCTION("production"),
    STAGING("staging"),
    PREVIEW("preview");

    private final String wireName;

    Environment(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Environment> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Environment::wireName).toList();
    }
}
