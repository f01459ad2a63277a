package dev.dotgit.application.port.in.apikey;

import dev.dotgit.domain.access.Caller;

/**
 * Revokes a key for good (needs deploy:admin). A revoked key is gone from the API's view:
 * revoking it again, or an id of another account, is not found. A key may revoke itself.
 */
public interface RevokeApiKeyUseCase {

    /** @param keyId as the caller sent it */
    void revoke(Caller caller, String keyId);
}
