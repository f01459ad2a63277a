package dev.dotgit.domain.error;

/**
 * A request body that is not the JSON object the route expects: unparseable, too deeply
 * nested, or another JSON type. Every version answers it with its own 400 {@code invalid_json}.
 */
public final class MalformedJson extends DomainError {

    public MalformedJson() {
        super("The request body is not a valid JSON object.");
    }

    @Override
    public String code() {
        return "invalid_json";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BAD_REQUEST;
    }
}
