package dev.dotgit.application.service.git;

import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.out.git.GitProtocolException;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InvalidGitRequest;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.StorageUnavailable;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryStatus;
import java.util.function.Supplier;

/**
 * Finds the repository a git URL names, for a caller allowed {@code scope} on it. The order
 * matters: visibility first (another account's repository, one outside the key's projects, a
 * missing one and a malformed name are all the same 404), scope second, so a read-only key
 * learns nothing from a 403 that it could not already read.
 */
final class GitRepositories {

    private final LoadRepositoryPort repositories;
    private final VisibleObjects visible;

    GitRepositories(LoadRepositoryPort repositories, VisibleObjects visible) {
        this.repositories = repositories;
        this.visible = visible;
    }

    Repository authorise(Caller caller, GitRepositoryPath path, Scope scope) {
        caller.require(Scope.READ);
        Repository repository = find(caller, path);
        caller.require(scope);
        return repository;
    }

    private Repository find(Caller caller, GitRepositoryPath path) {
        if (!AccountSlug.isValid(path.owner()) || !caller.account().value().equals(path.owner())) {
            throw notFound(path);
        }
        return repositories.findByOwnerAndName(caller.account(), path.name())
                .filter(repository -> repository.status() == RepositoryStatus.READY)
                .filter(repository -> visible.mayAccess(caller, repository))
                .orElseThrow(() -> notFound(path));
    }

    /**
     * Runs the protocol, turning the port's failures into the error family: the client's garbage
     * is {@code InvalidGitRequest}, a repository missing on disk or unreadable is
     * {@code StorageUnavailable} (its row says it exists, so this is the server's fault).
     */
    static <T> T speaking(Supplier<T> protocol) {
        try {
            return protocol.get();
        } catch (GitProtocolException e) {
            throw new InvalidGitRequest(e);
        } catch (SourceRepositoryException e) {
            throw new StorageUnavailable("git repository", e);
        }
    }

    static void speaking(Runnable protocol) {
        speaking(() -> {
            protocol.run();
            return null;
        });
    }

    private static NotFound notFound(GitRepositoryPath path) {
        return new NotFound("repository", path.owner() + "/" + path.name());
    }
}
