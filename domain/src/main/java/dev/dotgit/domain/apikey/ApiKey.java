package dev.dotgit.domain.apikey;

import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A secret key of an account, as stored: never the secret itself, only its hash.
 *
 * @param projects     the projects the key is restricted to; empty means every project
 * @param environments the environments the key is restricted to; empty means every environment
 * @param expiresAt    when the key stops working, or null for never
 * @param revokedAt    when the key was revoked, or null while it is active
 */
public record ApiKey(ApiKeyId id, AccountSlug account, String name, SecretHash secretHash, String lastFour,
                     Set<Scope> scopes, Set<ProjectId> projects, Set<Environment> environments,
                     Instant expiresAt, Instant revokedAt, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null ? "" : name;
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("key name too long");
        }
        if (lastFour == null || lastFour.length() != 4) {
            throw new IllegalArgumentException("lastFour must have four characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        scopes = Set.copyOf(scopes);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
        environments = environments == null ? Set.of() : Set.copyOf(environments);
    }

    /** A new key for a freshly generated or operator-supplied secret. */
    public static ApiKey issue(AccountSlug account, String name, SecretKey secret, Set<Scope> scopes,
                               Set<ProjectId> projects, Set<Environment> environments, Instant expiresAt,
                               Instant now) {
        return new ApiKey(ApiKeyId.generate(), account, name, secret.hash(), secret.lastFour(), scopes, projects,
                environments, expiresAt, null, now);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoke(Instant now) {
        return revokedAt != null ? this : new ApiKey(id, account, name, secretHash, lastFour, scopes, projects,
                environments, expiresAt, now, createdAt);
    }

    /** What a request authenticated with this key may do. */
    public Caller asCaller() {
        return new Caller(account, id.value(), scopes, projects, environments);
    }
}
