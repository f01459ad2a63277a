package dev.dotgit.domain.deployment;

import java.util.Locale;

public enum LogLevel {
    INFO,
    WARN,
    ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
