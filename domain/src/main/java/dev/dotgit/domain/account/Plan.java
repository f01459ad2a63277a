package dev.dotgit.domain.account;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The commercial tier of an account; it decides the default rate limit. */
public enum Plan {
    FREE("free", new RateLimit(60, 10)),
    STARTER("starter", new RateLimit(100, 20)),
    PRO("pro", new RateLimit(600, 50)),
    ENTERPRISE("enterprise", new RateLimit(6000, 200));

    private final String wireName;
    private final RateLimit defaultRateLimit;

    Plan(String wireName, RateLimit defaultRateLimit) {
        this.wireName = wireName;
        this.defaultRateLimit = defaultRateLimit;
    }

    public String wireName() {
        return wireName;
    }

    public RateLimit defaultRateLimit() {
        return defaultRateLimit;
    }

    public static Optional<Plan> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Plan::wireName).toList();
    }
}
