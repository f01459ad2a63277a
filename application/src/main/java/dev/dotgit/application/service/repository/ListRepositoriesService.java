package dev.dotgit.application.service.repository;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.repository.ListRepositoriesQuery;
import dev.dotgit.application.port.in.repository.RepositoryVisibility;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.RepositoryFilter;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.repository.Repository;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public final class ListRepositoriesService implements ListRepositoriesQuery {

    private final LoadRepositoryPort repositories;

    public ListRepositoriesService(LoadRepositoryPort repositories) {
        this.repositories = repositories;
    }

    @Override
    public Page<Repository> list(Caller caller, Optional<String> owner, RepositoryVisibility visibility,
                                 PageRequest page) {
        caller.require(Scope.READ);
        if (owner.isPresent() && !owner.get().equals(caller.account().value())) {
            return new Page<>(List.of(), false, page instanceof PageRequest.Offset ? OptionalLong.of(0)
                    : OptionalLong.empty());
        }
        Optional<Boolean> isPrivate = switch (visibility) {
            case PUBLIC -> Optional.of(false);
            case PRIVATE -> Optional.of(true);
            case ALL -> Optional.empty();
        };
        return repositories.list(new RepositoryFilter(caller.account(), isPrivate, caller.projects()), page);
    }
}
