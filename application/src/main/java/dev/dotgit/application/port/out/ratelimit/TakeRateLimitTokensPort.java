package dev.dotgit.application.port.out.ratelimit;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;

/**
 * The accounts' token buckets: one per account, holding at most {@code limit.burst()} tokens,
 * refilled smoothly at {@code limit.perMinute()} tokens a minute, full when first used.
 */
public interface TakeRateLimitTokensPort {

    /**
     * Whether every node sees the same buckets. Shared buckets live in storage that costs a round
     * trip (and may block), so the caller takes tokens from them in chunks, off the request thread;
     * node-local buckets answer from memory at once and are asked for one token per request.
     */
    boolean isSharedBetweenNodes();

    /**
     * Takes as many tokens as are available, up to {@code maxTokens}, from the account's bucket.
     *
     * <p>{@code limitVersion} says which numbers are current: it grows with every change of the
     * account's limit (the account's version). A bucket made under a lower version takes the new
     * numbers, keeping its tokens additively: a larger burst adds the difference at once, a smaller
     * one caps what is left, so neither raising nor lowering a limit hands out a fresh full bucket.
     * A caller still holding older numbers (another node within its cache time) does not turn a
     * bucket back to them.
     *
     * @param maxTokens at least 1
     * @throws dev.dotgit.domain.error.StorageUnavailable when the buckets cannot be reached
     */
    TokenGrant takeUpTo(AccountSlug account, RateLimit limit, long limitVersion, long maxTokens);
}
