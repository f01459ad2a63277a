package dev.dotgit.domain.project;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A project's status as callers see it: archived wins; otherwise building while a deployment is active. */
public enum ReportedProjectStatus {
    ACTIVE,
    ARCHIVED,
    BUILDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportedProjectStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReportedProjectStatus::wireName).toList();
    }
}
