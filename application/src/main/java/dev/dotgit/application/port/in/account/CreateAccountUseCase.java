package dev.dotgit.application.port.in.account;

/** Operator action: a new account (slug unique) with a public key and one admin secret key. */
public interface CreateAccountUseCase {

    CreatedAccount create(CreateAccountCommand command);
}
