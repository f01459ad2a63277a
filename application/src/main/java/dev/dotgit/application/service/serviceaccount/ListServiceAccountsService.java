package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.serviceaccount.ListServiceAccountsQuery;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.serviceaccount.ServiceAccount;

public final class ListServiceAccountsService implements ListServiceAccountsQuery {

    private final LoadServiceAccountPort serviceAccounts;

    public ListServiceAccountsService(LoadServiceAccountPort serviceAccounts) {
        this.serviceAccounts = serviceAccounts;
    }

    @Override
    public Page<ServiceAccount> list(Caller caller, PageRequest page) {
        caller.require(Scope.ADMIN);
        // Service accounts may reach every project; a caller that sees only some must not learn of them.
        caller.requireUnrestricted("manage service accounts");
        return serviceAccounts.list(caller.account(), page);
    }
}
