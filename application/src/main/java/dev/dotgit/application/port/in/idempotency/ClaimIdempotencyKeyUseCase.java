package dev.dotgit.application.port.in.idempotency;

/**
 * CONTRACT §2.6: a creating request with an {@code Idempotency-Key} first claims the key for
 * its account. The same key and the same request within 24 h replays the first response; the
 * same key for another request is {@code IdempotencyKeyReused}; the same key while the first
 * request still runs is {@code IdempotencyKeyInUse}.
 */
public interface ClaimIdempotencyKeyUseCase {

    ClaimOutcome claim(ClaimIdempotencyKeyCommand command);
}
