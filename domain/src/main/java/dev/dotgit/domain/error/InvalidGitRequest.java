package dev.dotgit.domain.error;

/**
 * A git client's request could not be understood as the git protocol (garbage, or a stream cut
 * short). Only git's own transport raises it; the message is fixed so nothing the client sent
 * is echoed back.
 */
public final class InvalidGitRequest extends DomainError {

    public InvalidGitRequest(Throwable cause) {
        super("The request is not a valid git protocol request.", cause);
    }

    @Override
    public String code() {
        return "invalid_git_request";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BAD_REQUEST;
    }
}
