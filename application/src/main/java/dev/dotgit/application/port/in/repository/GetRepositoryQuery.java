package dev.dotgit.application.port.in.repository;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.repository.Repository;

public interface GetRepositoryQuery {

    Repository get(Caller caller, String repositoryId);
}
