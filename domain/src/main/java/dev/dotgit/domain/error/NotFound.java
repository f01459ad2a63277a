package dev.dotgit.domain.error;

import java.util.Map;

/**
 * The object does not exist, or exists in another account or outside the caller's key
 * restrictions. The message depends only on what the caller sent, so a foreign id and a
 * missing id produce byte-identical answers.
 */
public final class NotFound extends DomainError {

    private final String resource;
    private final String id;

    public NotFound(String resource, String id) {
        super("No " + resource + " found with id '" + Sanitized.value(id) + "'.");
        this.resource = resource;
        this.id = Sanitized.value(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }

    @Override
    public String code() {
        return "not_found";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.NOT_FOUND;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("resource", resource, "id", id);
    }
}
