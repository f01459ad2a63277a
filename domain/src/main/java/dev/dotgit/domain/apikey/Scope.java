package dev.dotgit.domain.apikey;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a key may do. The scopes nest: {@code deploy:read} ⊂ {@code deploy:write} ⊂
 * {@code deploy:admin}, so a key holding a wider scope can do everything a narrower one can.
 */
public enum Scope {
    READ("deploy:read"),
    WRITE("deploy:write"),
    ADMIN("deploy:admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean includes(Scope other) {
        return ordinal() >= other.ordinal();
    }

    /** Asked on every request: a plain loop, not a stream. */
    public static boolean anyIncludes(Collection<Scope> held, Scope required) {
        for (Scope scope : held) {
            if (scope.includes(required)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<Scope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Scope::wireName).toList();
    }
}
