package dev.dotgit.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Both engines run one set of migrations: the buckets' table must be valid on the embedded database too. */
class MigrationOnH2Test {

    @Test
    void theBucketTableIsCreatedOnH2InPostgreSqlMode() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ratelimit-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");

        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into rate_limit_buckets(id, state) values ('acme', null)");
            try (ResultSet rows = statement.executeQuery("select count(*) from rate_limit_buckets")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }
}
