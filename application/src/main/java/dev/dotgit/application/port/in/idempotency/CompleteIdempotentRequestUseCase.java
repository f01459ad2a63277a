package dev.dotgit.application.port.in.idempotency;

import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.StoredResponse;

/**
 * Stores the successful response of a request that claimed its key, to be replayed to every
 * retry for the rest of the key's 24 h.
 */
public interface CompleteIdempotentRequestUseCase {

    /**
     * @return false when the claim had expired and another request took the key over; the
     *         response is then not stored (the later request's answer stands)
     */
    boolean complete(IdempotencyClaim claim, StoredResponse response);
}
