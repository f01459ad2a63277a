package dev.dotgit.application.port.in.git;

import dev.dotgit.domain.access.Caller;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Clone and fetch over git's stateless protocol: both need {@code deploy:read} and a
 * repository the caller can see (anything else is {@code NotFound}, as for a missing one).
 * Permission is decided before the first byte is written, so an adapter can still choose its
 * status code when one of these throws a {@code DomainError} without having written anything.
 */
public interface FetchRepositoryUseCase {

    /** The refs a fetching client starts from ({@code info/refs?service=git-upload-pack}). */
    void advertiseRefs(Caller caller, GitRepositoryPath repository, OutputStream out);

    /** The pack for what the client wants and lacks ({@code POST …/git-upload-pack}). */
    void fetch(Caller caller, GitRepositoryPath repository, InputStream in, OutputStream out);
}
