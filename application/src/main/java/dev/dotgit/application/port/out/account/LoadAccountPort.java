package dev.dotgit.application.port.out.account;

import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import java.util.Optional;

public interface LoadAccountPort {

    Optional<Account> findBySlug(AccountSlug slug);

    boolean anyAccountExists();
}
