package dev.dotgit.adapter.persistence.account;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;
import static dev.dotgit.adapter.persistence.support.StorageFailures.guardWrite;

import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.adapter.persistence.support.StoredValues;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.apikey.PublicKey;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class AccountPersistenceAdapter implements LoadAccountPort, SaveAccountPort {

    private static final String WHAT = "account storage";
    private static final String INSERT = """
            insert into accounts (slug, plan, rate_limit_per_minute, rate_limit_burst, public_key, created_at, version)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final AccountRepository accounts;
    private final JdbcOperations jdbc;

    AccountPersistenceAdapter(AccountRepository accounts, JdbcOperations jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> findBySlug(AccountSlug slug) {
        return guard(WHAT, () -> accounts.findById(slug.value()).map(AccountPersistenceAdapter::toDomain));
    }

    @Override
    public boolean anyAccountExists() {
        return guard(WHAT, accounts::anyExists);
    }

    /** Two concurrent inserts of one slug: the primary key lets one commit; the other gets AlreadyExists. */
    @Override
    public Account insert(Account account) {
        Account stored = account.withVersion(0);
        RateLimit limit = account.customRateLimit();
        try {
            SqlValues.executeUpdate(jdbc, INSERT, account.slug().value(), account.plan().wireName(),
                    limit == null ? null : limit.perMinute(), limit == null ? null : limit.burst(),
                    account.publicKey().value(), account.createdAt(), stored.version());
            return stored;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolationOf(e, "accounts_public_key_uq")) {
                throw new AlreadyExists("account", "public_key", account.publicKey().value());
            }
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("account", "slug", account.slug().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    /**
     * A row that is not at the expected version was either changed by someone else
     * (ConcurrentModification) or never existed (NotFound). Accounts are never deleted, so
     * the existence check after a missed update cannot race with a delete.
     */
    @Override
    public Account update(Account account) {
        String slug = account.slug().value();
        return guardWrite(WHAT, "account", slug, () -> {
            RateLimit limit = account.customRateLimit();
            long updated = accounts.updateAtVersion(slug, account.version(), account.plan().wireName(),
                    limit == null ? null : limit.perMinute(), limit == null ? null : limit.burst());
            if (updated == 0) {
                if (accounts.existsById(slug)) {
                    throw new ConcurrentModification("account", slug);
                }
                throw new NotFound("account", slug);
            }
            return account.withVersion(account.version() + 1);
        });
    }

    private static Account toDomain(AccountRow row) {
        RateLimit limit = row.rateLimitPerMinute() == null ? null
                : new RateLimit(row.rateLimitPerMinute(), row.rateLimitBurst());
        Plan plan = StoredValues.known(Plan.fromWire(row.plan()), "plan", row.plan());
        return new Account(new AccountSlug(row.slug()), plan, limit, new PublicKey(row.publicKey()), row.createdAt(),
                row.version());
    }
}
