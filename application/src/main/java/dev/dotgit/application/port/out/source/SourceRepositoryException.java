package dev.dotgit.application.port.out.source;

/** A git operation failed for a reason other than a missing branch or commit (disk, corruption). */
public class SourceRepositoryException extends RuntimeException {

    public SourceRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
