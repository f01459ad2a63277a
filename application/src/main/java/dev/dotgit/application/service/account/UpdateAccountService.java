package dev.dotgit.application.service.account;

import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.NotFound;

public final class UpdateAccountService implements UpdateAccountUseCase {

    private final RunInTransactionPort transactions;
    private final LoadAccountPort accounts;
    private final SaveAccountPort saveAccounts;

    public UpdateAccountService(RunInTransactionPort transactions, LoadAccountPort accounts,
                                SaveAccountPort saveAccounts) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.saveAccounts = saveAccounts;
    }

    @Override
    public Account update(UpdateAccountCommand command) {
        if (!AccountSlug.isValid(command.slug())) {
            throw new NotFound("account", command.slug());
        }
        AccountSlug slug = new AccountSlug(command.slug());
        // Operators are few and rarely race: a conflict simply surfaces as 409 to retry.
        return transactions.inTransaction(() -> {
            Account current = accounts.findBySlug(slug).orElseThrow(() -> new NotFound("account", command.slug()));
            Account changed = command.plan().map(current::withPlan).orElse(current);
            if (command.rateLimitChanged()) {
                changed = changed.withCustomRateLimit(command.rateLimit().orElse(null));
            }
            return saveAccounts.update(changed);
        });
    }
}
