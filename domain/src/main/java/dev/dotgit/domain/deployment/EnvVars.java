package dev.dotgit.domain.deployment;

import dev.dotgit.domain.error.InvalidInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Variables handed to a deployment's build. Values are write-only: stored for the build,
 * never shown in any reply or log.
 */
public record EnvVars(Map<String, String> values) {

    public static final EnvVars NONE = new EnvVars(Map.of());
    public static final int MAX_COUNT = 100;
    public static final int MAX_VALUE_LENGTH = 32 * 1024;
    public static final String NAME_RULE = "Must be a name of letters, digits and '_' not starting with a digit (at most 128 characters)";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public EnvVars {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Validates caller input; {@code field} is the wire name of the object (e.g. {@code env_vars}). */
    public static EnvVars parse(String field, Map<String, String> raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        if (raw.size() > MAX_COUNT) {
            throw InvalidInput.outOfRange(field, null, "Must hold at most " + MAX_COUNT + " variables");
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!NAME.matcher(e.getKey()).matches()) {
                throw InvalidInput.badFormat(field + "." + e.getKey(), null, NAME_RULE);
            }
            String value = e.getValue();
            if (value == null) {
                throw InvalidInput.wrongType(field + "." + e.getKey(), "a string");
            }
            if (value.length() > MAX_VALUE_LENGTH || value.indexOf('\0') >= 0) {
                throw InvalidInput.outOfRange(field + "." + e.getKey(), null,
                        "Must be at most " + MAX_VALUE_LENGTH + " characters without NUL bytes");
            }
        }
        return new EnvVars(raw);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "EnvVars" + values.keySet();
    }
}
