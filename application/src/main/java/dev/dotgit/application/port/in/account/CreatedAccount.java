package dev.dotgit.application.port.in.account;

import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.SecretKey;

/** A new account with its first admin key; {@code secret} is shown in this reply and never again. */
public record CreatedAccount(Account account, ApiKey adminKey, SecretKey secret) {
}
