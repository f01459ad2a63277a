package dev.dotgit.application.service.account;

import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.ratelimit.ConsumeRateLimitService;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.NotFound;

public final class UpdateAccountService implements UpdateAccountUseCase {

    private final RunInTransactionPort transactions;
    private final LoadAccountPort accounts;
    private final SaveAccountPort saveAccounts;
    private final ConsumeRateLimitService rateLimits;

    /** @param rateLimits told of every change, so new numbers apply on this node at once */
    public UpdateAccountService(RunInTransactionPort transactions, LoadAccountPort accounts,
                                SaveAccountPort saveAccounts, ConsumeRateLimitService rateLimits) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.saveAccounts = saveAccounts;
        this.rateLimits = rateLimits;
    }

    @Override
    public Account update(UpdateAccountCommand command) {
        if (!AccountSlug.isValid(command.slug())) {
            throw new NotFound("account", command.slug());
        }
        AccountSlug slug = new AccountSlug(command.slug());
        // Operators are few and rarely race: a conflict simply surfaces as 409 to retry.
        Account updated = transactions.inTransaction(() -> {
            Account current = accounts.findBySlug(slug).orElseThrow(() -> new NotFound("account", command.slug()));
            Account changed = command.plan().map(current::withPlan).orElse(current);
            if (command.rateLimitChanged()) {
                changed = changed.withCustomRateLimit(command.rateLimit().orElse(null));
            }
            return saveAccounts.update(changed);
        });
        // After the commit: a request limited under the new numbers must be able to see them stored.
        rateLimits.accountChanged(updated);
        return updated;
    }
}
