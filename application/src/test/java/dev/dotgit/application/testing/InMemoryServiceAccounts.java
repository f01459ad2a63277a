package dev.dotgit.application.testing;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Service accounts and the token signing key in memory, under one lock, honouring the same
 * contracts as the database adapter. Kept apart from {@link InMemoryPersistence}: nothing here
 * needs to roll back with the other objects in the tests that use it.
 */
public final class InMemoryServiceAccounts implements LoadServiceAccountPort, SaveServiceAccountPort,
        TokenSigningKeyPort {

    private final Map<ServiceAccountId, ServiceAccount> serviceAccounts = new LinkedHashMap<>();
    private TokenSigningKey signingKey;

    @Override
    public synchronized Optional<ServiceAccount> findByClientId(ClientId clientId) {
        return serviceAccounts.values().stream().filter(sa -> sa.clientId().equals(clientId)).findFirst();
    }

    @Override
    public synchronized Optional<ServiceAccount> findById(AccountSlug account, ServiceAccountId id) {
        return Optional.ofNullable(serviceAccounts.get(id)).filter(sa -> sa.account().equals(account));
    }

    @Override
    public synchronized Page<ServiceAccount> list(AccountSlug account, PageRequest page) {
        return InMemoryPersistence.page(serviceAccounts.values().stream().filter(sa -> sa.account().equals(account)),
                ServiceAccount::createdAt, sa -> sa.id().value(), page);
    }

    @Override
    public synchronized ServiceAccount insert(ServiceAccount serviceAccount) {
        for (ServiceAccount existing : serviceAccounts.values()) {
            if (existing.id().equals(serviceAccount.id())) {
                throw new AlreadyExists("service_account", "id", serviceAccount.id().value());
            }
            if (existing.clientId().equals(serviceAccount.clientId())) {
                throw new AlreadyExists("service_account", "client_id", serviceAccount.clientId().value());
            }
            if (existing.secretHash().matches(serviceAccount.secretHash())) {
                throw new AlreadyExists("service_account", "client_secret", "");
            }
        }
        serviceAccounts.put(serviceAccount.id(), serviceAccount);
        return serviceAccount;
    }

    @Override
    public synchronized boolean delete(AccountSlug account, ServiceAccountId id) {
        if (findById(account, id).isEmpty()) {
            return false;
        }
        serviceAccounts.remove(id);
        return true;
    }

    @Override
    public synchronized TokenSigningKey storeIfAbsent(TokenSigningKey candidate) {
        if (signingKey == null) {
            signingKey = candidate;
        }
        return signingKey;
    }
}
