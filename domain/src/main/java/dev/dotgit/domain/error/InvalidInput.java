package dev.dotgit.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * One or more fields of a request break their rules. Each violation names the field as the
 * caller wrote it, says what kind of problem it is, and carries what a renderer needs to
 * explain it in its own words (the allowed values of an enum, the rule of a format).
 */
public final class InvalidInput extends DomainError {

    public enum Problem {
        /** A required field is absent (or null). */
        MISSING,
        /** Present, but of the wrong JSON type. */
        WRONG_TYPE,
        /** A number or length outside its bounds. */
        OUT_OF_RANGE,
        /** Not one of an enumerated set of values. */
        NOT_ALLOWED,
        /** A string that does not follow its format. */
        BAD_FORMAT,
        /**
         * A request header (not a body field or query parameter) with a value outside its rule,
         * e.g. an over-long {@code Idempotency-Key}. v1 answers these in its general shape (C2).
         */
        BAD_HEADER,
        /** A field the route does not know (only versions that reject them raise this). */
        UNKNOWN_FIELD
    }

    public record Violation(String field, Problem problem, String rejectedValue, List<String> allowedValues,
                            String message) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
            rejectedValue = rejectedValue == null ? null : Sanitized.value(rejectedValue);
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        }
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(Violation violation) {
        this(List.of(violation));
    }

    private static String describe(List<Violation> violations) {
        return violations.isEmpty() ? "Validation failed"
                : violations.get(0).field() + ": " + violations.get(0).message();
    }

    public static InvalidInput missing(String field) {
        return new InvalidInput(new Violation(field, Problem.MISSING, null, null, "This field is required"));
    }

    public static InvalidInput wrongType(String field, String expected) {
        return new InvalidInput(new Violation(field, Problem.WRONG_TYPE, null, null, "Must be " + expected));
    }

    public static InvalidInput notAllowed(String field, String value, List<String> allowed) {
        return new InvalidInput(new Violation(field, Problem.NOT_ALLOWED, value, allowed,
                "Must be one of: " + String.join(", ", allowed)));
    }

    public static InvalidInput outOfRange(String field, String value, String rule) {
        return new InvalidInput(new Violation(field, Problem.OUT_OF_RANGE, value, null, rule));
    }

    public static InvalidInput badFormat(String field, String value, String rule) {
        return new InvalidInput(new Violation(field, Problem.BAD_FORMAT, value, null, rule));
    }

    /** A header value that breaks its rule; the value itself is not echoed (it may be long or binary). */
    public static InvalidInput badHeader(String header, String rule) {
        return new InvalidInput(new Violation(header, Problem.BAD_HEADER, null, null, rule));
    }

    public static InvalidInput unknownField(String field) {
        return new InvalidInput(new Violation(field, Problem.UNKNOWN_FIELD, null, null, "Unknown field"));
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation first() {
        return violations.get(0);
    }

    @Override
    public String code() {
        return "validation_failed";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.INVALID_INPUT;
    }
}
