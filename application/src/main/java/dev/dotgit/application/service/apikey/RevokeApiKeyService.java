package dev.dotgit.application.service.apikey;

import dev.dotgit.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.auth.AuthenticateCallerService;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;

/**
 * Revokes keys. Two revocations of one key race to a conditional write: one wins, the other
 * finds the key already revoked and answers not found, as for any revoked key. The key
 * stops working on this node at once and on other nodes within the authentication cache's
 * lifetime (see {@link AuthenticateCallerService}).
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final LoadApiKeyPort keys;
    private final SaveApiKeyPort saveKeys;
    private final RunInTransactionPort transactions;
    private final AuthenticateCallerService authentication;
    private final Clock clock;

    public RevokeApiKeyService(LoadApiKeyPort keys, SaveApiKeyPort saveKeys, RunInTransactionPort transactions,
                               AuthenticateCallerService authentication, Clock clock) {
        this.keys = keys;
        this.saveKeys = saveKeys;
        this.transactions = transactions;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public void revoke(Caller caller, String keyId) {
        caller.require(Scope.ADMIN);
        // A restricted admin key sees only part of the account; it must not switch off keys
        // that reach beyond what it can see.
        caller.requireUnrestricted("revoke API keys");
        ApiKey revoked = transactions.inTransaction(() -> {
            ApiKey key = ApiKeyId.parse(keyId)
                    .flatMap(id -> keys.findById(caller.account(), id))
                    .filter(found -> found.revokedAt() == null)
                    .orElseThrow(() -> new NotFound("api_key", keyId));
            if (!saveKeys.revoke(key, Timestamps.now(clock))) {
                throw new NotFound("api_key", keyId);
            }
            return key;
        });
        authentication.forget(revoked.secretHash());
    }
}
