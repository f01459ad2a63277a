package dev.dotgit.application.port.in.repository;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.repository.Repository;

/**
 * Creates a git repository with one initial commit on {@code main} (a small static site),
 * and the project of the same name connected to it.
 */
public interface CreateRepositoryUseCase {

    Repository create(Caller caller, CreateRepositoryCommand command);
}
