package dev.dotgit.adapter.ratelimit;

import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.application.port.out.ratelimit.TokenGrant;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.StorageUnavailable;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The buckets in PostgreSQL, shared by every node of one database (CONTRACT §2.5, §7): bucket4j's
 * PostgreSQL proxy manager reads and writes an account's row of {@code rate_limit_buckets} under
 * {@code SELECT ... FOR UPDATE}, so concurrent takers on any number of nodes queue on the row and
 * each gets only what the one before left. One call is one short transaction of its own on a
 * pooled connection (the raw pool, never a request's transaction); it blocks, so callers run it
 * off the event loop.
 *
 * <p>Numbers change through bucket4j's implicit configuration replacement: every call presents
 * the account's version, and a row stored under a lower version takes the presented numbers
 * (additively, {@link BucketNumbers#ON_CHANGE}) in the same locked transaction, while a node that
 * still presents an older version leaves the row as it is.
 */
public final class PostgresTokenBuckets implements TakeRateLimitTokensPort {

    static final String TABLE = "rate_limit_buckets";

    private final ProxyManager<String> buckets;

    /** @param pool the raw connection pool: bucket4j commits its own transactions */
    public PostgresTokenBuckets(DataSource pool, Clock clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public boolean isSharedBetweenNodes() {
        return true;
    }

    @Override
    public TokenGrant takeUpTo(AccountSlug account, RateLimit limit, long limitVersion, long maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("ask for at least one token");
        }
        VerboseResult<Long> result;
        try {
            result = buckets.builder()
                    .withImplicitConfigurationReplacement(limitVersion, BucketNumbers.ON_CHANGE)
                    .build(account.value(), () -> BucketNumbers.configuration(limit))
                    .asVerbose()
                    .tryConsumeAsMuchAsPossible(maxTokens);
        } catch (RuntimeException e) {
            // bucket4j wraps the driver's SQLException; nothing of it may reach a client
            throw new StorageUnavailable("rate-limit buckets", e);
        }
        long available = result.getDiagnostics().getAvailableTokens();
        return new TokenGrant(result.getValue(), available, BucketNumbers.untilNextToken(result.getConfiguration(),
                available, result.getDiagnostics().calculateFullRefillingTime()));
    }
}
