package dev.dotgit.application.port.out.account;

import dev.dotgit.domain.account.Account;

public interface SaveAccountPort {

    /** @throws dev.dotgit.domain.error.AlreadyExists if the slug is taken (also when a concurrent insert wins) */
    Account insert(Account account);

    /** @throws dev.dotgit.domain.error.ConcurrentModification if the stored version is not {@code account.version()} */
    Account update(Account account);
}
