package dev.dotgit.adapter.persistence.apikey;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;

import dev.dotgit.adapter.persistence.support.NewestFirstQuery;
import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.adapter.persistence.support.StoredValues;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class ApiKeyPersistenceAdapter implements LoadApiKeyPort, SaveApiKeyPort {

    private static final String WHAT = "API key storage";
    private static final String INSERT = """
            insert into api_keys (id, account, name, secret_hash, last_four, scopes, projects, environments,
                                  expires_at, revoked_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final ApiKeyRepository keys;
    private final JdbcOperations jdbc;

    ApiKeyPersistenceAdapter(ApiKeyRepository keys, JdbcOperations jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApiKey> findBySecretHash(SecretHash hash) {
        return guard(WHAT, () -> keys.findBySecretHash(hash.hex()).map(ApiKeyPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<ApiKey> findById(AccountSlug account, ApiKeyId id) {
        return guard(WHAT, () -> keys.findById(id.value())
                .filter(row -> row.account().equals(account.value()))
                .map(ApiKeyPersistenceAdapter::toDomain));
    }

    @Override
    public Page<ApiKey> listActive(AccountSlug account, PageRequest page) {
        return guard(WHAT, () -> NewestFirstQuery.select("k.*", "api_keys", "k")
                .where("k.account = ?", account.value())
                .where("k.revoked_at is null")
                .fetch(jdbc, page, row -> toDomain(new ApiKeyRow(row.getString("id"), row.getString("account"),
                        row.getString("name"), row.getString("secret_hash"), row.getString("last_four"),
                        row.getString("scopes"), row.getString("projects"), row.getString("environments"),
                        SqlValues.instant(row, "expires_at"), SqlValues.instant(row, "revoked_at"),
                        SqlValues.instant(row, "created_at")))));
    }

    /** The condition on revoked_at makes concurrent revocations of one key end with one winner. */
    @Override
    public boolean revoke(ApiKey key, Instant at) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc,
                "update api_keys set revoked_at = ? where id = ? and revoked_at is null", at, key.id().value()) == 1);
    }

    @Override
    public ApiKey insert(ApiKey key) {
        try {
            SqlValues.executeUpdate(jdbc, INSERT, key.id().value(), key.account().value(), key.name(),
                    key.secretHash().hex(), key.lastFour(), StoredValues.join(key.scopes(), Scope::wireName),
                    StoredValues.join(key.projects(), ProjectId::value),
                    StoredValues.join(key.environments(), Environment::wireName), key.expiresAt(), key.revokedAt(),
                    key.createdAt());
            return key;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolationOf(e, "api_keys_secret_hash_uq")) {
                throw new AlreadyExists("api_key", "secret", key.lastFour());
            }
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("api_key", "id", key.id().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    private static ApiKey toDomain(ApiKeyRow row) {
        return new ApiKey(new ApiKeyId(row.id()), new AccountSlug(row.account()), row.name(),
                new SecretHash(row.secretHash()), row.lastFour(),
                StoredValues.split(row.scopes(), wire -> StoredValues.known(Scope.fromWire(wire), "scope", wire)),
                StoredValues.split(row.projects(), ProjectId::new),
                StoredValues.split(row.environments(),
                        wire -> StoredValues.known(Environment.fromWire(wire), "environment", wire)),
                row.expiresAt(), row.revokedAt(), row.createdAt());
    }
}
