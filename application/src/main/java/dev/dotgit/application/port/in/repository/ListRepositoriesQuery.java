package dev.dotgit.application.port.in.repository;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.repository.Repository;
import java.util.Optional;

/** The caller's repositories, newest first. */
public interface ListRepositoriesQuery {

    /** @param owner an owner filter as sent; another account's slug yields an empty list */
    Page<Repository> list(Caller caller, Optional<String> owner, RepositoryVisibility visibility, PageRequest page);
}
