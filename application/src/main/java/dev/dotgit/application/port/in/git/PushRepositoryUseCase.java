package dev.dotgit.application.port.in.git;

import dev.dotgit.domain.access.Caller;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Push over git's stateless protocol: needs {@code deploy:write} and a visible repository
 * (else {@code InsufficientScope} / {@code NotFound}, decided before anything is written). A
 * push records one {@code repository.pushed} / {@code repo.push} webhook event per updated ref
 * for the subscriptions that want them. Deleting the repository's default branch is refused
 * (that ref only; git reports it to the client as a rejected ref).
 */
public interface PushRepositoryUseCase {

    /** The refs a pushing client compares against ({@code info/refs?service=git-receive-pack}). */
    void advertiseRefs(Caller caller, GitRepositoryPath repository, OutputStream out);

    /**
     * Receives the push ({@code POST …/git-receive-pack}) and writes git's status report.
     *
     * @return how many refs the push updated
     */
    int push(Caller caller, GitRepositoryPath repository, InputStream in, OutputStream out);
}
