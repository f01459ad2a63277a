package dev.dotgit.application.service.git;

import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryStatus;

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

    private static NotFound notFound(GitRepositoryPath path) {
        return new NotFound("repository", path.owner() + "/" + path.name());
    }
}
