package dev.dotgit.application.service.apikey;

import dev.dotgit.application.port.in.apikey.ListApiKeysQuery;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;

/**
 * Lists the account's keys, which only an unrestricted admin key may do: the list shows every
 * key's project restrictions, so a key restricted to some projects would learn the ids of
 * projects that answer it 404 everywhere else (CONTRACT §2.2: others are missing).
 */
public final class ListApiKeysService implements ListApiKeysQuery {

    private final LoadApiKeyPort keys;

    public ListApiKeysService(LoadApiKeyPort keys) {
        this.keys = keys;
    }

    @Override
    public Page<ApiKey> list(Caller caller, PageRequest page) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("list API keys");
        return keys.listActive(caller.account(), page);
    }
}
