package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.domain.access.Caller;

/**
 * Creates a service account of the caller's account with fresh client credentials. Only an
 * unrestricted deploy:admin caller may, and never with a scope or a reach it lacks itself
 * (CONTRACT §2.2, the rule for API keys). Project ids the caller cannot see are invalid input.
 */
public interface CreateServiceAccountUseCase {

    CreatedServiceAccount create(Caller caller, CreateServiceAccountCommand command);
}
