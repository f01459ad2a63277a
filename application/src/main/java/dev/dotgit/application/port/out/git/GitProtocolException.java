package dev.dotgit.application.port.out.git;

/** The client sent something that is not the git protocol (or broke off in the middle of it). */
public class GitProtocolException extends RuntimeException {

    public GitProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
