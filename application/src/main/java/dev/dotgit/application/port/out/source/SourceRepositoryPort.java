package dev.dotgit.application.port.out.source;

import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The git repositories behind the platform's Repository objects, addressed by id.
 * Implementations translate their library's failures into {@link SourceRepositoryException}.
 */
public interface SourceRepositoryPort {

    /**
     * Creates the repository with one commit on {@code commit.branch()}, which becomes the
     * default branch. Creating an id that already exists fails.
     *
     * @return the hash of the initial commit
     */
    CommitSha initialize(RepositoryId repository, InitialCommit commit);

    /** The head commit of a branch, or empty if the repository has no such branch. */
    Optional<CommitSha> resolveBranch(RepositoryId repository, BranchName branch);

    /** The full hash of a (possibly abbreviated) commit, or empty if it is absent or ambiguous. */
    Optional<CommitSha> resolveCommit(RepositoryId repository, CommitSha commit);

    /** Writes the tree of {@code commit} into {@code target}, an existing empty directory. */
    void checkout(RepositoryId repository, CommitSha commit, Path target);

    /** Removes the repository; nothing happens if it does not exist. */
    void delete(RepositoryId repository);
}
