package dev.dotgit.application.service.idempotency;

import dev.dotgit.application.port.in.idempotency.CompleteIdempotentRequestUseCase;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.StoredResponse;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;

/** Stores a claim's response; a claim that lost its key to a later one (it expired) stores nothing. */
public final class CompleteIdempotentRequestService implements CompleteIdempotentRequestUseCase {

    private final ClaimIdempotencyKeyPort keys;
    private final Clock clock;

    public CompleteIdempotentRequestService(ClaimIdempotencyKeyPort keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public boolean complete(IdempotencyClaim claim, StoredResponse response) {
        return keys.complete(claim, response, Timestamps.now(clock));
    }
}
