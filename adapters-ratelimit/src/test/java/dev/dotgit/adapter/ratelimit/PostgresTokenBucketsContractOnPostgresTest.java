package dev.dotgit.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.contract.TakeRateLimitTokensPortContract;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.StorageUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, plus what only shared storage can show: one budget for many takers. */
class PostgresTokenBucketsContractOnPostgresTest extends TakeRateLimitTokensPortContract {

    private static PostgresDatabase database;

    @BeforeAll
    static void database() {
        database = PostgresDatabase.create();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Override
    protected TakeRateLimitTokensPort buckets() {
        return new PostgresTokenBuckets(database.pool(), clock);
    }

    @Test
    void takersOnTwoPoolsShareOneBudgetExactly() throws Exception {
        // Two adapters over two pools, as two nodes would be; the clock stands still, so nothing refills.
        try (PostgresDatabaseView second = new PostgresDatabaseView()) {
            TakeRateLimitTokensPort nodeA = buckets();
            TakeRateLimitTokensPort nodeB = new PostgresTokenBuckets(second.pool, clock);
            AccountSlug account = new AccountSlug("shared-budget");
            RateLimit limit = new RateLimit(60, 100);
            ExecutorService takers = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> grants = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    TakeRateLimitTokensPort node = i % 2 == 0 ? nodeA : nodeB;
                    grants.add(takers.submit((Callable<Long>) () -> node.takeUpTo(account, limit, 0, 3).granted()));
                }
                long total = 0;
                for (Future<Long> grant : grants) {
                    total += grant.get();
                }
                assertThat(total).as("240 asked for, 100 in the bucket").isEqualTo(100);
            } finally {
                takers.shutdownNow();
            }
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsStorageUnavailable() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        config.setUsername("postgres");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(250);
        try (com.zaxxer.hikari.HikariDataSource unreachable = new com.zaxxer.hikari.HikariDataSource(config)) {
            TakeRateLimitTokensPort broken = new PostgresTokenBuckets(unreachable, clock);

            assertThatThrownBy(() -> broken.takeUpTo(new AccountSlug("nowhere"), new RateLimit(60, 5), 0, 1))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageNotContaining("jdbc").hasMessageNotContaining("SQL");
        }
    }

    /** A second pool on the same database, as a second node has. */
    private static final class PostgresDatabaseView implements AutoCloseable {

        final com.zaxxer.hikari.HikariDataSource pool;

        PostgresDatabaseView() {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(database.pool().getJdbcUrl());
            config.setUsername("postgres");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            this.pool = new com.zaxxer.hikari.HikariDataSource(config);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
