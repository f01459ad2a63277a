package dev.dotgit.application.port.in.idempotency;

import dev.dotgit.domain.idempotency.IdempotencyClaim;

/**
 * Frees a key whose request did not succeed (an error answer or a failure), so that a retry
 * with the same key runs the request again. Only successes are replayed: an error is usually
 * about the moment (a name taken, storage unavailable, a rate limit), and replaying it for a
 * day would turn a passing failure into a permanent one.
 */
public interface ReleaseIdempotencyKeyUseCase {

    void release(IdempotencyClaim claim);
}
