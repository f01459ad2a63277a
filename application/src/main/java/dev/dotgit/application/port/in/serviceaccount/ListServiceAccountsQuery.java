package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.serviceaccount.ServiceAccount;

/** The account's service accounts, newest first; needs an unrestricted deploy:admin caller. */
public interface ListServiceAccountsQuery {

    Page<ServiceAccount> list(Caller caller, PageRequest page);
}
