package dev.dotgit.application.service.idempotency;

import dev.dotgit.application.port.in.idempotency.ReleaseIdempotencyKeyUseCase;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.domain.idempotency.IdempotencyClaim;

/** Frees a key after its request failed; a claim that no longer holds the key frees nothing. */
public final class ReleaseIdempotencyKeyService implements ReleaseIdempotencyKeyUseCase {

    private final ClaimIdempotencyKeyPort keys;

    public ReleaseIdempotencyKeyService(ClaimIdempotencyKeyPort keys) {
        this.keys = keys;
    }

    @Override
    public void release(IdempotencyClaim claim) {
        keys.release(claim);
    }
}
