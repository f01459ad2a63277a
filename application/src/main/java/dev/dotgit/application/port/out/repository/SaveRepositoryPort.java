package dev.dotgit.application.port.out.repository;

import dev.dotgit.domain.repository.Repository;

public interface SaveRepositoryPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if the owner has a repository of that name (any case) */
    Repository insert(Repository repository);
}
