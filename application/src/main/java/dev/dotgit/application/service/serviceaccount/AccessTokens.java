package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.application.port.in.serviceaccount.IssuedAccessToken;
import dev.dotgit.application.port.out.serviceaccount.AccessTokenClaims;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.error.Unauthenticated.Reason;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import dev.dotgit.domain.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Service accounts' access tokens: made when the token endpoint grants one, checked on every
 * request that presents one. The token is signed (the port decides how), so checking it needs
 * no lookup of the token itself; what it grants is decided here, on every request, from the
 * service account as it is now: a deleted account's tokens stop working although their
 * signatures stay valid. Service accounts are cached like API keys (see
 * {@code AuthenticateCallerService}): a deletion on this node takes effect here at once
 * ({@link #forget}), on other nodes within {@code cacheTtl}.
 *
 * <p>The signing key is the platform's one key: configured, or else read from the database on
 * first use, where the first node to need one stores a fresh key and every later node (and
 * every node that lost that race) reads the winner's. It never changes while a node runs.
 */
public final class AccessTokens {

    static final int MAX_CACHED_ACCOUNTS = 10_000;
    /** Far above any token this platform issues; longer strings are not parsed at all. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private record Cached(Optional<ServiceAccount> serviceAccount, Instant loadedAt) {
    }

    private final TokenSigningKeyPort keyStore;
    private final SignAccessTokenPort signer;
    private final VerifyAccessTokenPort verifier;
    private final LoadServiceAccountPort serviceAccounts;
    private final AccessTokenSettings settings;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentMap<ServiceAccountId, Cached> cache = new ConcurrentHashMap<>();
    private volatile TokenSigningKey signingKey;

    public AccessTokens(TokenSigningKeyPort keyStore, SignAccessTokenPort signer, VerifyAccessTokenPort verifier,
                        LoadServiceAccountPort serviceAccounts, AccessTokenSettings settings, Clock clock,
                        Duration cacheTtl) {
        this.keyStore = keyStore;
        this.signer = signer;
        this.verifier = verifier;
        this.serviceAccounts = serviceAccounts;
        this.settings = settings;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.signingKey = settings.configuredKey().orElse(null);
    }

    /**
     * Whether a bearer credential has the shape of a signed token (three base64url parts
     * separated by dots), as opposed to an API key. Nothing is verified here.
     */
    public static boolean looksLikeOne(String credential) {
        if (credential == null || credential.isEmpty() || credential.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        int dots = 0;
        char previous = '.';
        for (int i = 0; i < credential.length(); i++) {
            char c = credential.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    return false;
                }
                dots++;
            } else if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')
                    && c != '-' && c != '_') {
                return false;
            }
            previous = c;
        }
        return dots == 2 && previous != '.';
    }

    /** A token for {@code serviceAccount} carrying {@code scopes}, valid from now for the configured lifetime. */
    public IssuedAccessToken issue(ServiceAccount serviceAccount, Set<Scope> scopes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.lifetime());
        AccessTokenClaims claims = new AccessTokenClaims(serviceAccount.id(), serviceAccount.account(), scopes, now,
                expiresAt, Ids.newId("tok"));
        String token = signer.sign(claims, signingKey());
        return new IssuedAccessToken(token, settings.lifetime().getSeconds(), scopes);
    }

    /**
     * The caller a token acts as, or {@code Unauthenticated}: invalid (not ours, edited, garbled),
     * expired, or revoked (its service account is gone).
     */
    public Caller authenticate(String token) {
        AccessTokenClaims claims = verifier.verify(token, signingKey())
                .orElseThrow(() -> new Unauthenticated(Reason.UNKNOWN));
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiresAt())) {
            throw new Unauthenticated(Reason.ACCESS_TOKEN_EXPIRED);
        }
        ServiceAccount serviceAccount = lookup(claims, now)
                .orElseThrow(() -> new Unauthenticated(Reason.ACCESS_TOKEN_REVOKED));
        return serviceAccount.asCaller(claims.scopes());
    }

    /** Drops a service account from this node's cache, so that its deletion takes effect here at once. */
    public void forget(ServiceAccountId id) {
        cache.remove(id);
    }

    private Optional<ServiceAccount> lookup(AccessTokenClaims claims, Instant now) {
        Cached cached = cache.get(claims.subject());
        if (cached != null && cached.loadedAt().plus(cacheTtl).isAfter(now)) {
            return cached.serviceAccount();
        }
        Optional<ServiceAccount> loaded = serviceAccounts.findById(claims.account(), claims.subject());
        if (cache.size() >= MAX_CACHED_ACCOUNTS) {
            cache.clear();
        }
        // A deleted account is cached as absent too: its id never comes back, and holders of its
        // tokens retrying in a loop then cost no database round trip each.
        cache.put(claims.subject(), new Cached(loaded, now));
        return loaded;
    }

    /**
     * Loaded once per node. Two threads of one node racing here both ask the store, which hands
     * both the same key (its insert-if-absent has one winner), so they agree.
     */
    private TokenSigningKey signingKey() {
        TokenSigningKey key = signingKey;
        if (key == null) {
            key = keyStore.storeIfAbsent(TokenSigningKey.generate());
            signingKey = key;
        }
        return key;
    }
}
