package dev.dotgit.application.service.account;

import dev.dotgit.application.port.in.account.CreateAccountCommand;
import dev.dotgit.application.port.in.account.CreateAccountUseCase;
import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

public final class CreateAccountService implements CreateAccountUseCase {

    private final RunInTransactionPort transactions;
    private final SaveAccountPort accounts;
    private final SaveApiKeyPort keys;
    private final Clock clock;

    public CreateAccountService(RunInTransactionPort transactions, SaveAccountPort accounts, SaveApiKeyPort keys,
                                Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public CreatedAccount create(CreateAccountCommand command) {
        Instant now = Timestamps.now(clock);
        SecretKey secret = SecretKey.generate();
        return transactions.inTransaction(() -> {
            Account account = accounts.insert(Account.create(command.slug(), command.plan(),
                    command.customRateLimit().orElse(null), now));
            ApiKey key = keys.insert(ApiKey.issue(account.slug(), "admin", secret, Set.of(Scope.ADMIN), Set.of(),
                    Set.of(), null, now));
            return new CreatedAccount(account, key, secret);
        });
    }
}
