package dev.dotgit.adapter.persistence.serviceaccount;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;

import dev.dotgit.adapter.persistence.support.NewestFirstQuery;
import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.adapter.persistence.support.StoredValues;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Service accounts and the token signing key, in hand-written SQL on the caller's transaction
 * (or a connection of its own).
 *
 * <p>The signing key's race: every node that finds no key inserts its own candidate under the
 * one primary key; exactly one insert commits, the others fail with a unique violation (or, on
 * H2, a concurrent-update error), and every node then reads back the row that won. The insert
 * runs under a savepoint inside a transaction, so losing does not doom it on PostgreSQL.
 */
@Singleton
public class ServiceAccountPersistenceAdapter implements LoadServiceAccountPort, SaveServiceAccountPort,
        TokenSigningKeyPort {

    private static final String WHAT = "service account storage";
    private static final String ACCESS_TOKENS = "access-tokens";
    private static final String COLUMNS = "s.id, s.account, s.name, s.client_id, s.secret_hash, s.scopes, s.projects, "
            + "s.created_at";
    private static final String INSERT = """
            insert into service_accounts (id, account, name, client_id, secret_hash, scopes, projects, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;

    ServiceAccountPersistenceAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ServiceAccount> findByClientId(ClientId clientId) {
        return guard(WHAT, () -> selectOne("select " + COLUMNS + " from service_accounts s where s.client_id = ?",
                clientId.value()));
    }

    @Override
    public Optional<ServiceAccount> findById(AccountSlug account, ServiceAccountId id) {
        return guard(WHAT, () -> selectOne("select " + COLUMNS
                + " from service_accounts s where s.id = ? and s.account = ?", id.value(), account.value()));
    }

    @Override
    public Page<ServiceAccount> list(AccountSlug account, PageRequest page) {
        return guard(WHAT, () -> NewestFirstQuery.select(COLUMNS, "service_accounts", "s")
                .where("s.account = ?", account.value())
                .fetch(jdbc, page, ServiceAccountPersistenceAdapter::toDomain));
    }

    @Override
    public ServiceAccount insert(ServiceAccount serviceAccount) {
        try {
            SqlValues.executeUpdate(jdbc, INSERT, serviceAccount.id().value(), serviceAccount.account().value(),
                    serviceAccount.name(), serviceAccount.clientId().value(), serviceAccount.secretHash().hex(),
                    StoredValues.join(serviceAccount.scopes(), Scope::wireName),
                    StoredValues.join(serviceAccount.projects(), ProjectId::value), serviceAccount.createdAt());
            return serviceAccount;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolationOf(e, "service_accounts_client_id_uq")) {
                throw new AlreadyExists("service_account", "client_id", serviceAccount.clientId().value());
            }
            if (StorageFailures.isUniqueViolationOf(e, "service_accounts_secret_hash_uq")) {
                throw new AlreadyExists("service_account", "client_secret", "");
            }
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("service_account", "id", serviceAccount.id().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    /** A delete removes the row once; of concurrent deletions only one counts a row. */
    @Override
    public boolean delete(AccountSlug account, ServiceAccountId id) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc,
                "delete from service_accounts where id = ? and account = ?", id.value(), account.value()) == 1);
    }

    @Override
    public TokenSigningKey storeIfAbsent(TokenSigningKey candidate) {
        return guard(WHAT, () -> jdbc.execute(connection -> {
            Optional<TokenSigningKey> stored = readKey(connection);
            if (stored.isPresent()) {
                return stored.get();
            }
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into token_signing_keys (purpose, secret, created_at) values (?, ?, ?)")) {
                SqlValues.bind(insert, 1, ACCESS_TOKENS);
                SqlValues.bind(insert, 2, candidate.toBase64());
                SqlValues.bind(insert, 3, Instant.now());
                insert.executeUpdate();
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
            } catch (SQLException e) {
                if (!StorageFailures.isUniqueViolation(e) && !StorageFailures.isWriteConflict(e)) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            }
            return readKey(connection).orElseThrow(() -> new IllegalStateException("the signing key row vanished"));
        }));
    }

    private static Optional<TokenSigningKey> readKey(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select secret from token_signing_keys where purpose = ?")) {
            SqlValues.bind(select, 1, ACCESS_TOKENS);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(TokenSigningKey.fromBase64(row.getString(1))) : Optional.empty();
            }
        }
    }

    private Optional<ServiceAccount> selectOne(String sql, Object... values) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    SqlValues.bind(statement, i + 1, values[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(toDomain(row)) : Optional.<ServiceAccount>empty();
                }
            }
        });
    }

    private static ServiceAccount toDomain(ResultSet row) throws SQLException {
        return new ServiceAccount(new ServiceAccountId(row.getString(1)), new AccountSlug(row.getString(2)),
                row.getString(3), new ClientId(row.getString(4)), new SecretHash(row.getString(5)),
                StoredValues.split(row.getString(6), wire -> StoredValues.known(Scope.fromWire(wire), "scope", wire)),
                StoredValues.split(row.getString(7), ProjectId::new), SqlValues.instant(row, 8));
    }
}
