package dev.dotgit.domain.serviceaccount;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.project.ProjectId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A non-human client of an account (a CI system, say) that authenticates with client
 * credentials at the token endpoint and then acts with short-lived bearer tokens. As stored:
 * its client secret only as a hash.
 *
 * @param scopes   the most any of its tokens may carry
 * @param projects the projects its tokens are restricted to; empty means every project
 */
public record ServiceAccount(ServiceAccountId id, AccountSlug account, String name, ClientId clientId,
                             SecretHash secretHash, Set<Scope> scopes, Set<ProjectId> projects, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public ServiceAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a service account name has 1-" + MAX_NAME_LENGTH + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a service account needs at least one scope");
        }
        scopes = Set.copyOf(scopes);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
    }

    /** A new service account for freshly generated credentials. */
    public static ServiceAccount create(AccountSlug account, String name, ClientSecret secret, Set<Scope> scopes,
                                        Set<ProjectId> projects, Instant now) {
        return new ServiceAccount(ServiceAccountId.generate(), account, name, ClientId.generate(), secret.hash(),
                scopes, projects, now);
    }

    /** Whether {@code requested} is within what this account's tokens may carry (scopes nest). */
    public boolean mayGrant(Scope requested) {
        return Scope.anyIncludes(scopes, requested);
    }

    /**
     * What a request with one of its tokens may do: the token's scopes as far as the account
     * still holds them, the account's project restrictions as they are now, and the service
     * account as the principal that audit fields name.
     */
    public Caller asCaller(Set<Scope> tokenScopes) {
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        for (Scope scope : tokenScopes) {
            if (mayGrant(scope)) {
                granted.add(scope);
            }
        }
        return new Caller(account, id.value(), granted, projects, Set.of());
    }
}
