package dev.dotgit.application.port.in.apikey;

import dev.dotgit.domain.access.Caller;

/**
 * Issues a secret key of the caller's account. Only an unrestricted deploy:admin key may
 * issue keys, and never one with a scope or a reach the caller lacks (CONTRACT §2.2).
 * Project ids the caller cannot see are refused as invalid input, not silently dropped.
 */
public interface CreateApiKeyUseCase {

    IssuedApiKey create(Caller caller, CreateApiKeyCommand command);
}
