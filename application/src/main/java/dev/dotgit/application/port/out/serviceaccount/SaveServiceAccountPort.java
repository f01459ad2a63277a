package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;

public interface SaveServiceAccountPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if its id, client id or secret hash is taken */
    ServiceAccount insert(ServiceAccount serviceAccount);

    /**
     * Removes the account's service account for good.
     *
     * @return whether this call removed it; of two concurrent deletions exactly one returns true
     */
    boolean delete(AccountSlug account, ServiceAccountId id);
}
