package dev.dotgit.application.port.in.idempotency;

/**
 * Removes the idempotency keys whose time is over (CONTRACT §2.6 keeps a key 24 h; a claim whose
 * request never finished blocks its key for minutes), so the store holds about a day of keys
 * instead of every key ever sent. Run periodically, on one node at a time.
 */
public interface PurgeExpiredIdempotencyKeysUseCase {

    /** @return how many expired keys were removed */
    long purgeExpired();
}
