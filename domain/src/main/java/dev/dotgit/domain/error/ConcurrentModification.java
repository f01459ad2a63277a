package dev.dotgit.domain.error;

/**
 * Someone else changed the object between our read and our write (optimistic locking).
 * Services retry on it; it reaches a caller only if the object keeps changing under them.
 */
public final class ConcurrentModification extends DomainError {

    public ConcurrentModification(String resource, String id) {
        super("The " + resource + " '" + id + "' was changed by another request; retry.");
    }

    @Override
    public String code() {
        return "concurrent_modification";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }
}
