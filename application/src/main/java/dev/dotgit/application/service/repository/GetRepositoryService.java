package dev.dotgit.application.service.repository;

import dev.dotgit.application.port.in.repository.GetRepositoryQuery;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.repository.Repository;

public final class GetRepositoryService implements GetRepositoryQuery {

    private final VisibleObjects visible;

    public GetRepositoryService(VisibleObjects visible) {
        this.visible = visible;
    }

    @Override
    public Repository get(Caller caller, String repositoryId) {
        caller.require(Scope.READ);
        return visible.repository(caller, repositoryId);
    }
}
