package dev.dotgit.application.service.auth;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.service.serviceaccount.AccessTokens;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.PublicKey;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.error.Unauthenticated.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authenticates secret keys and service accounts' access tokens (told apart by their shape;
 * see {@link AccessTokens} for the tokens). The checksum rejects mistyped and invented keys before any
 * lookup; known keys are cached for a short time, because every request authenticates and a
 * database round trip per request would halve the throughput of cheap reads. A revocation
 * made on this node is seen at once ({@link #forget}); one made on another node within
 * {@code cacheTtl}.
 */
public final class AuthenticateCallerService implements AuthenticateCallerUseCase {

    static final int MAX_CACHED_KEYS = 10_000;

    private record Cached(ApiKey key, Instant loadedAt) {
    }

    private final LoadApiKeyPort keys;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    public AuthenticateCallerService(LoadApiKeyPort keys, AccessTokens accessTokens, Clock clock, Duration cacheTtl) {
        this.keys = keys;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Caller authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Unauthenticated(Reason.MISSING);
        }
        if (PublicKey.looksLikeOne(bearerToken)) {
            throw new Unauthenticated(Reason.PUBLIC_KEY);
        }
        if (AccessTokens.looksLikeOne(bearerToken)) {
            return accessTokens.authenticate(bearerToken);
        }
        SecretKey secret = SecretKey.parse(bearerToken).orElseThrow(() -> new Unauthenticated(Reason.MALFORMED));
        SecretHash hash = secret.hash();
        Instant now = clock.instant();
        ApiKey key = lookup(hash, now).orElseThrow(() -> new Unauthenticated(Reason.UNKNOWN));
        // The lookup matched on the hash; compare again in constant time so that no code
        // path's timing depends on how much of a guessed hash matched.
        if (!key.secretHash().matches(hash)) {
            throw new Unauthenticated(Reason.UNKNOWN);
        }
        if (!key.isUsableAt(now)) {
            throw new Unauthenticated(Reason.EXPIRED_OR_REVOKED);
        }
        return key.asCaller();
    }

    private Optional<ApiKey> lookup(SecretHash hash, Instant now) {
        Cached cached = cache.get(hash.hex());
        if (cached != null && cached.loadedAt().plus(cacheTtl).isAfter(now)) {
            return Optional.of(cached.key());
        }
        Optional<ApiKey> loaded = keys.findBySecretHash(hash);
        if (loaded.isPresent()) {
            if (cache.size() >= MAX_CACHED_KEYS) {
                cache.clear();
            }
            cache.put(hash.hex(), new Cached(loaded.get(), now));
        } else {
            cache.remove(hash.hex());
        }
        return loaded;
    }

    /** Drops a key from this node's cache, so that its revocation takes effect here at once. */
    public void forget(SecretHash hash) {
        cache.remove(hash.hex());
    }
}
