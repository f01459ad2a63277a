package dev.dotgit.application.port.in.validation;

import dev.dotgit.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every field error of a request before failing, so a caller fixing a form learns
 * about all of its mistakes at once rather than one per round trip.
 */
public final class Violations {

    private final List<InvalidInput.Violation> found = new ArrayList<>();

    /** Runs one field's parsing; its InvalidInput is recorded and null returned in its place. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            found.addAll(e.violations());
            return null;
        }
    }

    public void add(InvalidInput error) {
        found.addAll(error.violations());
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
