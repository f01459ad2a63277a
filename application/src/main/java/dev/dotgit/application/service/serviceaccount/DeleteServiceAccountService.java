package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.application.port.in.serviceaccount.DeleteServiceAccountUseCase;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;

/**
 * Deletes service accounts. Two deletions of one account race to the row's delete: one removes
 * it, the other removes nothing and answers not found, as for any unknown id. A token request
 * racing the deletion either read the account first (and its token is refused as revoked at its
 * first use, once the cache allows) or finds no client. See {@link AccessTokens} for how soon
 * other nodes notice.
 */
public final class DeleteServiceAccountService implements DeleteServiceAccountUseCase {

    private static final String RESOURCE = "service_account";

    private final LoadServiceAccountPort serviceAccounts;
    private final SaveServiceAccountPort saveServiceAccounts;
    private final RunInTransactionPort transactions;
    private final AccessTokens accessTokens;

    public DeleteServiceAccountService(LoadServiceAccountPort serviceAccounts,
                                       SaveServiceAccountPort saveServiceAccounts,
                                       RunInTransactionPort transactions, AccessTokens accessTokens) {
        this.serviceAccounts = serviceAccounts;
        this.saveServiceAccounts = saveServiceAccounts;
        this.transactions = transactions;
        this.accessTokens = accessTokens;
    }

    @Override
    public void delete(Caller caller, String serviceAccountId) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage service accounts");
        ServiceAccount deleted = transactions.inTransaction(() -> {
            ServiceAccount found = ServiceAccountId.parse(serviceAccountId)
                    .flatMap(id -> serviceAccounts.findById(caller.account(), id))
                    .orElseThrow(() -> new NotFound(RESOURCE, serviceAccountId));
            if (!saveServiceAccounts.delete(caller.account(), found.id())) {
                throw new NotFound(RESOURCE, serviceAccountId);
            }
            return found;
        });
        accessTokens.forget(deleted.id());
    }
}
