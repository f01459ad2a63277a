package dev.dotgit.domain.error;

import java.util.Map;

/** A name that must be unique in its scope (project per account, repository per owner, account slug) is taken. */
public final class AlreadyExists extends DomainError {

    private final String resource;
    private final String field;
    private final String value;

    public AlreadyExists(String resource, String field, String value) {
        super("A " + resource + " with " + field + " '" + Sanitized.value(value) + "' already exists.");
        this.resource = resource;
        this.field = field;
        this.value = Sanitized.value(value);
    }

    public String resource() {
        return resource;
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "already_exists";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("resource", resource, "field", field, "value", value);
    }
}
