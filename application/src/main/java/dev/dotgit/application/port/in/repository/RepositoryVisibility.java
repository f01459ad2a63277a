package dev.dotgit.application.port.in.repository;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public enum RepositoryVisibility {
    PUBLIC,
    PRIVATE,
    ALL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RepositoryVisibility> fromWire(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RepositoryVisibility::wireName).toList();
    }
}
