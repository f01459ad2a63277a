package dev.dotgit.domain.error;

/**
 * The database (or another store the server needs) failed. Adapters translate their
 * technology's exceptions into this before they cross a port; the cause is kept for the
 * server log and never shown to a caller.
 */
public final class StorageUnavailable extends DomainError {

    public StorageUnavailable(String what, Throwable cause) {
        super("The service could not complete the request (" + what + "); try again shortly.", cause);
    }

    @Override
    public String code() {
        return "service_unavailable";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.UNAVAILABLE;
    }
}
