package dev.dotgit.adapter.persistence.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads, and the writes that carry no instant (see SqlValues for why those are written by hand). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends GenericRepository<AccountRow, String> {

    Optional<AccountRow> findById(String slug);

    boolean existsById(String slug);

    @Query("select exists (select 1 from accounts)")
    boolean anyExists();

    /** @return 1 if the row was at {@code version} and now holds the new state at version + 1, else 0 */
    @Query("""
            update accounts
               set plan = :plan, rate_limit_per_minute = :rateLimitPerMinute, rate_limit_burst = :rateLimitBurst,
                   version = version + 1
             where slug = :slug and version = :version""")
    long updateAtVersion(String slug, long version, String plan, @Nullable Integer rateLimitPerMinute,
                         @Nullable Integer rateLimitBurst);
}
