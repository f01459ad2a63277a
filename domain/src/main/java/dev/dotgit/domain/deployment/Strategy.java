package dev.dotgit.domain.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How traffic moves to a new deployment. Recorded and reported; a static site switches atomically whatever the strategy. */
public enum Strategy {
    INSTANT("instant"),
    CANARY("canary"),
    BLUE_GREEN("blue_green");

    private final String wireName;

    Strategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Strategy> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Strategy::wireName).toList();
    }
}
