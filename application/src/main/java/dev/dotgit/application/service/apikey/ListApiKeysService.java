package dev.dotgit.application.service.apikey;

import dev.dotgit.application.port.in.apikey.ListApiKeysQuery;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;

public final class ListApiKeysService implements ListApiKeysQuery {

    private final LoadApiKeyPort keys;

    public ListApiKeysService(LoadApiKeyPort keys) {
        this.keys = keys;
    }

    @Override
    public Page<ApiKey> list(Caller caller, PageRequest page) {
        caller.require(Scope.ADMIN);
        return keys.listActive(caller.account(), page);
    }
}
