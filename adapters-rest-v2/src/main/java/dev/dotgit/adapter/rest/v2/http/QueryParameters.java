package dev.dotgit.adapter.rest.v2.http;

import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.InvalidInput.Problem;
import dev.dotgit.domain.error.InvalidInput.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads v2 query parameters as the raw strings the client sent, so that a bad value is a v2
 * 400 {@code validation_failed} naming the parameter rather than a framework conversion error.
 * An absent parameter takes its default; a present one, even empty, must be valid.
 */
public final class QueryParameters {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final List<Violation> violations = new ArrayList<>();

    public long integer(String name, String raw, long defaultValue, long min, long max) {
        if (raw == null) {
            return defaultValue;
        }
        String rule = "Must be an integer from " + min + " to " + max;
        if (!INTEGER.matcher(raw).matches()) {
            violations.add(new Violation(name, Problem.BAD_FORMAT, raw, null, rule));
            return defaultValue;
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            violations.add(new Violation(name, Problem.OUT_OF_RANGE, raw, null, rule));
            return defaultValue;
        }
        return value;
    }

    /** The page size of a v2 list: 1–100, 30 when left out (seed 002). */
    public int limit(String raw) {
        return (int) integer("limit", raw, 30, 1, 100);
    }

    /** One word of an enumerated vocabulary; {@code parse} answers empty for a word outside it. */
    public <T> Optional<T> oneOf(String name, String raw, Function<String, Optional<T>> parse, List<String> allowed) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(raw);
        if (value.isEmpty()) {
            violations.addAll(InvalidInput.notAllowed(name, raw, allowed).violations());
        }
        return value;
    }

    /** A comma-separated set of words of a vocabulary ({@code status=building,deploying}); empty when left out. */
    public <T> Set<T> someOf(String name, String raw, Function<String, Optional<T>> parse, List<String> allowed) {
        Set<T> values = new LinkedHashSet<>();
        if (raw == null) {
            return values;
        }
        for (String word : raw.split(",", -1)) {
            Optional<T> value = parse.apply(word.strip());
            if (value.isEmpty()) {
                violations.addAll(InvalidInput.notAllowed(name, raw, allowed).violations());
                return Set.of();
            }
            values.add(value.get());
        }
        return values;
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
