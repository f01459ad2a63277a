package dev.dotgit.application.port.out.repository;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import java.util.Optional;

public interface LoadRepositoryPort {

    Optional<Repository> findById(AccountSlug owner, RepositoryId id);

    /** Names are unique per owner regardless of letter case. */
    Optional<Repository> findByOwnerAndName(AccountSlug owner, String name);

    Page<Repository> list(RepositoryFilter filter, PageRequest page);
}
