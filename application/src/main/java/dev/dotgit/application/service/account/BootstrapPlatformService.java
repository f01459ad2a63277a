package dev.dotgit.application.service.account;

import dev.dotgit.application.port.in.account.BootstrapPlatformUseCase;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How concurrent first starts end (several nodes on one empty PostgreSQL): each tries to
 * insert account {@code default}; the unique slug lets one win, the others get
 * {@link AlreadyExists}, re-read, and find the work done.
 */
public final class BootstrapPlatformService implements BootstrapPlatformUseCase {

    public static final AccountSlug DEFAULT_ACCOUNT = new AccountSlug("default");

    private final RunInTransactionPort transactions;
    private final LoadAccountPort accounts;
    private final SaveAccountPort saveAccounts;
    private final LoadApiKeyPort keys;
    private final SaveApiKeyPort saveKeys;
    private final Clock clock;

    public BootstrapPlatformService(RunInTransactionPort transactions, LoadAccountPort accounts,
                                    SaveAccountPort saveAccounts, LoadApiKeyPort keys, SaveApiKeyPort saveKeys,
                                    Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.saveAccounts = saveAccounts;
        this.keys = keys;
        this.saveKeys = saveKeys;
        this.clock = clock;
    }

    @Override
    public Optional<SecretKey> bootstrap(Optional<SecretKey> configuredSecret) {
        try {
            return transactions.inTransaction(() -> bootstrapOnce(configuredSecret));
        } catch (AlreadyExists concurrentStart) {
            return transactions.inTransaction(() -> bootstrapOnce(configuredSecret));
        }
    }

    private Optional<SecretKey> bootstrapOnce(Optional<SecretKey> configuredSecret) {
        Instant now = Timestamps.now(clock);
        boolean emptyDatabase = !accounts.anyAccountExists();
        if (!emptyDatabase && configuredSecret.isEmpty()) {
            return Optional.empty();
        }
        if (configuredSecret.isPresent() && keys.findBySecretHash(configuredSecret.get().hash()).isPresent()) {
            return Optional.empty();
        }
        Account account = accounts.findBySlug(DEFAULT_ACCOUNT)
                .orElseGet(() -> saveAccounts.insert(Account.create(DEFAULT_ACCOUNT, Plan.PRO, null, now)));
        SecretKey secret = configuredSecret.orElseGet(SecretKey::generate);
        saveKeys.insert(ApiKey.issue(account.slug(), "bootstrap", secret, Set.of(Scope.ADMIN), Set.of(), Set.of(),
                null, now));
        return configuredSecret.isPresent() ? Optional.empty() : Optional.of(secret);
    }
}
