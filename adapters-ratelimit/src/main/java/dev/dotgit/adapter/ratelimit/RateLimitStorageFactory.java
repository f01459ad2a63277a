package dev.dotgit.adapter.ratelimit;

import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Chooses where the buckets live from the database in use: PostgreSQL may be shared by several
 * nodes, so its buckets are too; the embedded database means one node, whose memory suffices
 * (bucket4j's PostgreSQL proxy manager relies on PostgreSQL's SQL, which H2 does not speak).
 */
@Factory
class RateLimitStorageFactory {

    @Singleton
    TakeRateLimitTokensPort tokenBuckets(DataSource dataSource, @Value("${datasources.default.url:}") String jdbcUrl,
                                         Clock clock) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // bucket4j runs its own short transactions: it gets the raw pool, not Micronaut's
            // transaction-aware wrapper, which would hand it the connection of a caller's transaction.
            return new PostgresTokenBuckets(DelegatingDataSource.unwrapDataSource(dataSource), clock);
        }
        return new LocalTokenBuckets(clock);
    }
}
