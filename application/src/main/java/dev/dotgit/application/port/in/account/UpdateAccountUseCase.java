package dev.dotgit.application.port.in.account;

import dev.dotgit.domain.account.Account;

/** Operator action: change an account's plan or custom rate limit; takes effect without a restart. */
public interface UpdateAccountUseCase {

    Account update(UpdateAccountCommand command);
}
