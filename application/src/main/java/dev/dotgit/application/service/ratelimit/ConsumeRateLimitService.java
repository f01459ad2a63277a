package dev.dotgit.application.service.ratelimit;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.ratelimit.ConsumeRateLimitUseCase;
import dev.dotgit.application.port.in.ratelimit.RateLimitDecision;
import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.error.Unauthenticated;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Decides, per request, whether its account's budget allows it (CONTRACT §2.5), without a
 * storage round trip on the common path and without ever blocking the calling thread (an HTTP
 * event loop) on storage.
 *
 * <p><b>What is cached on this node</b>, each for {@code cacheTtl} (5 s by default, the same as the
 * API key cache): which account a bearer credential belongs to, and each account's limit and its
 * version. A change made through this node ({@link #accountChanged}) applies here at once; one made
 * on another node within {@code cacheTtl}. Reading either when it is missing or stale happens on
 * {@code storageWork}, and the request continues when it is done.
 *
 * <p><b>Node-local buckets</b> (the embedded database: one node) are asked for one token per
 * request, on the calling thread; they answer from memory.
 *
 * <p><b>Shared buckets</b> (PostgreSQL: every node draws on one budget per account) cost a round
 * trip under a row lock, which would serialise all requests of an account. So each node keeps a
 * reserve per account: it takes tokens from the shared bucket in chunks of {@link #chunk} (a tenth
 * of a second's refill, at most a twentieth of the burst, at least one), requests take theirs from
 * the reserve in memory, and the reserve is topped up in the background, one top-up per account
 * at a time, as soon as it falls to half a chunk. Requests that find it empty wait for the top-up
 * in flight. When a top-up finds the shared bucket empty, the node remembers until when (the
 * bucket's own estimate of its next token) and refuses locally until then, so a client hammering
 * an exhausted budget costs no round trips.
 *
 * <p><b>The slack this buys, exactly.</b> Every token a node grants was first taken from the shared
 * bucket, so across all nodes an account never gets more than its bucket gave out: since the
 * bucket was made, at most {@code burst + per_minute × minutes}. Tokens wait in a reserve, though,
 * so within a shorter window a client may get up to one chunk per node more than the bucket alone
 * would allow (a reserve filled before the window and spent in it), and while other nodes hold
 * their reserves a client may be refused with up to one chunk per other node still unspent.
 * A node that stops loses its reserve (at most one chunk, which the bucket refills within a
 * tenth of a second for large limits, one token interval for small ones).
 *
 * <p><b>How races end.</b> Two nodes topping up at once both go through the bucket's row lock, one
 * after the other, and each gets only what is left. A limit change while tokens are being taken:
 * the node drops its reserve (tokens taken under the old numbers are not handed out under the new
 * ones) and a top-up already in flight under the old version is discarded when it returns; the
 * shared bucket itself switches to the numbers of the highest version any node has presented.
 */
public final class ConsumeRateLimitService implements ConsumeRateLimitUseCase {

    /** Accounts and keys remembered per node; past this the memory is cleared (and reserves dropped). */
    static final int MAX_REMEMBERED = 10_000;
    /** A request that finds the reserve empty waits for at most this many top-ups before it is refused. */
    private static final int MAX_TOP_UPS_WAITED_FOR = 3;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
    private static final CompletableFuture<Optional<RateLimitDecision>> NOT_LIMITED =
            CompletableFuture.completedFuture(Optional.empty());
    private static final System.Logger LOG = System.getLogger(ConsumeRateLimitService.class.getName());

    private record KnownKey(AccountSlug account, Instant verifiedAt) {
    }

    /** An account's numbers as this node last read them. */
    private record Limits(RateLimit limit, long version, Instant loadedAt) {
    }

    private final AuthenticateCallerUseCase authentication;
    private final LoadAccountPort accounts;
    private final TakeRateLimitTokensPort buckets;
    private final Executor storageWork;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentMap<String, KnownKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<AccountSlug, Budget> budgets = new ConcurrentHashMap<>();

    /**
     * @param storageWork runs every storage call (authentication misses, account reads, shared-bucket
     *                    top-ups); its threads may block
     */
    public ConsumeRateLimitService(AuthenticateCallerUseCase authentication, LoadAccountPort accounts,
                                   TakeRateLimitTokensPort buckets, Executor storageWork, Clock clock,
                                   Duration cacheTtl) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.buckets = buckets;
        this.storageWork = storageWork;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public CompletionStage<Optional<RateLimitDecision>> consume(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return NOT_LIMITED;
        }
        String keyHash = SecretHash.of(bearerToken).hex();
        KnownKey known = keys.get(keyHash);
        if (known != null && isFresh(known.verifiedAt())) {
            return consumeFor(known.account());
        }
        return CompletableFuture.supplyAsync(() -> authenticatedAccount(bearerToken, keyHash), storageWork)
                .thenCompose(account -> account.map(this::consumeFor).orElse(NOT_LIMITED))
                .exceptionally(failure -> notLimited("authenticating the caller", failure));
    }

    /**
     * The account's numbers changed (an operator's PATCH served by this node): they apply here to
     * the next request. Other nodes read them within the cache time.
     */
    public void accountChanged(Account account) {
        Budget budget = budgets.get(account.slug());
        if (budget != null) {
            budget.useLimits(new Limits(account.effectiveRateLimit(), account.version(), clock.instant()));
        }
    }

    private Optional<AccountSlug> authenticatedAccount(String bearerToken, String keyHash) {
        try {
            AccountSlug account = authentication.authenticate(bearerToken).account();
            remember(keys, keyHash, new KnownKey(account, clock.instant()));
            return Optional.of(account);
        } catch (Unauthenticated refused) {
            return Optional.empty();
        }
    }

    private CompletionStage<Optional<RateLimitDecision>> consumeFor(AccountSlug account) {
        Budget budget = budgets.get(account);
        if (budget == null) {
            budget = new Budget(account);
            Budget raced = budgets.putIfAbsent(account, budget);
            if (raced != null) {
                budget = raced;
            } else if (budgets.size() > MAX_REMEMBERED) {
                budgets.clear();
                budgets.put(account, budget);
            }
        }
        Limits limits = budget.limits;
        if (limits != null && isFresh(limits.loadedAt())) {
            return decide(budget, limits, 0);
        }
        Budget loading = budget;
        return budget.reloadLimits()
                .thenCompose(fresh -> fresh == null ? NOT_LIMITED : decide(loading, fresh, 0))
                .exceptionally(failure -> notLimited("reading the account's rate limit", failure));
    }

    private CompletionStage<Optional<RateLimitDecision>> decide(Budget budget, Limits limits, int topUpsWaited) {
        if (!buckets.isSharedBetweenNodes()) {
            TokenGrant grant;
            try {
                grant = buckets.takeUpTo(budget.account, limits.limit(), limits.version(), 1);
            } catch (RuntimeException failure) {
                return CompletableFuture.completedFuture(notLimited("taking a rate-limit token", failure));
            }
            return CompletableFuture.completedFuture(Optional.of(decision(limits.limit(), grant.granted() == 1,
                    grant.remaining(), grant.untilNextToken())));
        }
        CompletableFuture<Void> topUp;
        synchronized (budget) {
            long now = clock.millis();
            if (budget.reserve > 0) {
                budget.reserve--;
                long remaining = budget.reserve + budget.sharedRemaining;
                if (budget.reserve <= chunk(limits.limit()) / 2 && now >= budget.refusingUntil) {
                    budget.topUp(limits);
                }
                return CompletableFuture.completedFuture(Optional.of(
                        decision(limits.limit(), true, remaining, Duration.ZERO)));
            }
            if (now < budget.refusingUntil || topUpsWaited >= MAX_TOP_UPS_WAITED_FOR) {
                Duration wait = Duration.ofMillis(Math.max(budget.refusingUntil - now, 0));
                return CompletableFuture.completedFuture(Optional.of(decision(limits.limit(), false, 0,
                        wait.isZero() ? tokenInterval(limits.limit()) : wait)));
            }
            topUp = budget.topUp(limits);
        }
        return topUp.thenCompose(done -> {
            Limits current = budget.limits;
            return decide(budget, current == null ? limits : current, topUpsWaited + 1);
        }).exceptionally(failure -> notLimited("taking rate-limit tokens", failure));
    }

    private RateLimitDecision decision(RateLimit limit, boolean allowed, long remaining, Duration untilNextToken) {
        long left = Math.min(Math.max(remaining, 0), limit.burst());
        Instant now = clock.instant();
        Instant full = now.plusNanos((limit.burst() - left) * tokenInterval(limit).toNanos());
        Instant resetAt = full.getNano() == 0 ? full : Instant.ofEpochSecond(full.getEpochSecond() + 1);
        long retryAfter = allowed ? 0 : Math.max(1, (untilNextToken.toMillis() + 999) / 1000);
        return new RateLimitDecision(allowed, limit.perMinute(), left, resetAt, retryAfter);
    }

    /** Tokens a node takes from a shared bucket at once: 100 ms of refill, at most 5 % of the burst, at least 1. */
    static long chunk(RateLimit limit) {
        return Math.max(1, Math.min(limit.perMinute() / 600, limit.burst() / 20));
    }

    private static Duration tokenInterval(RateLimit limit) {
        return Duration.ofNanos((NANOS_PER_MINUTE + limit.perMinute() - 1) / limit.perMinute());
    }

    private boolean isFresh(Instant readAt) {
        return readAt.plus(cacheTtl).isAfter(clock.instant());
    }

    private static Optional<RateLimitDecision> notLimited(String what, Throwable failure) {
        LOG.log(Level.WARNING, "rate limit not applied to a request: " + what + " failed", unwrap(failure));
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <K, V> void remember(ConcurrentMap<K, V> map, K key, V value) {
        if (map.size() >= MAX_REMEMBERED) {
            map.clear();
        }
        map.put(key, value);
    }

    /** One account's state on this node. Fields other than {@code limits} are guarded by the object's lock. */
    private final class Budget {

        final AccountSlug account;
        volatile Limits limits;
        /** Tokens taken from the shared bucket and not yet granted. */
        long reserve;
        /** What the shared bucket held after this node's last top-up. */
        long sharedRemaining;
        /** Until this instant (epoch millis) the shared bucket is known to be empty. */
        long refusingUntil;
        CompletableFuture<Void> topUp;
        CompletableFuture<Limits> limitsLoad;

        Budget(AccountSlug account) {
            this.account = account;
        }

        /** Reads the account's numbers on the storage executor; concurrent callers share one read. */
        synchronized CompletableFuture<Limits> reloadLimits() {
            if (limitsLoad != null) {
                return limitsLoad;
            }
            CompletableFuture<Limits> load = CompletableFuture.supplyAsync(() -> {
                try {
                    Limits loaded = accounts.findBySlug(account)
                            .map(found -> new Limits(found.effectiveRateLimit(), found.version(), clock.instant()))
                            .orElse(null);
                    if (loaded != null) {
                        useLimits(loaded);
                    }
                    return loaded;
                } finally {
                    synchronized (this) {
                        limitsLoad = null;
                    }
                }
            }, storageWork);
            if (!load.isDone()) {
                limitsLoad = load;
            }
            return load;
        }

        /**
         * New numbers drop the reserve and what was known about the shared bucket: tokens taken under
         * the old numbers are not handed out under the new ones (an under-grant of at most a chunk).
         * Numbers of an older version than those in use (a slow read racing a change) are ignored.
         */
        synchronized void useLimits(Limits fresh) {
            Limits current = limits;
            if (current != null && fresh.version() < current.version()) {
                return;
            }
            if (current == null || fresh.version() != current.version() || !fresh.limit().equals(current.limit())) {
                reserve = 0;
                sharedRemaining = 0;
                refusingUntil = 0;
            }
            limits = fresh;
        }

        /** Starts a top-up of the reserve unless one is in flight; called holding the lock. */
        CompletableFuture<Void> topUp(Limits under) {
            if (topUp != null) {
                return topUp;
            }
            long wanted = Math.max(1, chunk(under.limit()) - reserve);
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
                TokenGrant grant;
                try {
                    grant = buckets.takeUpTo(account, under.limit(), under.version(), wanted);
                } catch (RuntimeException failure) {
                    synchronized (this) {
                        topUp = null;
                    }
                    LOG.log(Level.WARNING, "could not take rate-limit tokens for account " + account, failure);
                    throw failure;
                }
                // The in-flight mark is cleared before the future completes: the requests waiting on it
                // run as it completes, and the first of them may need to start the next top-up.
                synchronized (this) {
                    topUp = null;
                    Limits current = limits;
                    if (current == null || current.version() != under.version()) {
                        return; // the numbers changed meanwhile: these tokens are dropped (see useLimits)
                    }
                    reserve += grant.granted();
                    sharedRemaining = grant.remaining();
                    if (grant.granted() == 0) {
                        refusingUntil = clock.millis() + Math.max(1, grant.untilNextToken().toMillis());
                    }
                }
            }, storageWork);
            if (!started.isDone()) {
                // (an executor that ran the task on this thread has finished it already: nothing is in flight)
                topUp = started;
            }
            return started;
        }
    }
}
