package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import java.util.Optional;

public interface LoadServiceAccountPort {

    /** The service account with this client id, whatever its account (the token endpoint knows no account yet). */
    Optional<ServiceAccount> findByClientId(ClientId clientId);

    /** The account's service account with this id; another account's is not found. */
    Optional<ServiceAccount> findById(AccountSlug account, ServiceAccountId id);

    /** The account's service accounts, newest first (created_at desc, id desc). */
    Page<ServiceAccount> list(AccountSlug account, PageRequest page);
}
