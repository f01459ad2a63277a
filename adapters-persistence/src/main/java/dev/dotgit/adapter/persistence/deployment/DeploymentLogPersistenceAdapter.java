package dev.dotgit.adapter.persistence.deployment;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;
import static dev.dotgit.adapter.persistence.support.StorageFailures.guardWrite;

import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StoredValues;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deployment logs, numbered through the {@code log_count} counter of the deployment's row.
 *
 * <p>How concurrent appenders end: each raises the counter by the number of its lines
 * ({@code update ... set log_count = log_count + n}), which locks the deployment's row until
 * its transaction ends. A second appender waits on that lock and then adds to the committed
 * count, so the numbers handed out are consecutive, never shared, and never skipped; if the
 * first rolls back, its raise is undone with its lines and the second reuses the numbers.
 * The counter is not the row's version, so appends never fail a concurrent status change.
 *
 * <p>How an append racing a delete ends: after the delete commits, the raise matches no row,
 * and nothing is written. If the append commits first, the delete removes its lines too.
 */
@Singleton
public class DeploymentLogPersistenceAdapter implements AppendDeploymentLogPort, LoadDeploymentLogPort {

    private static final String WHAT = "deployment log storage";
    private static final String RAISE = "update deployments set log_count = log_count + ? where id = ?";
    private static final String RAISE_WHILE_ACTIVE = RAISE + " and status in ("
            + Arrays.stream(DeploymentStatus.values()).filter(s -> !s.isFinal()).map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    DeploymentLogPersistenceAdapter(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The raise and the inserts must share one transaction, so this joins the caller's or opens its own. */
    @Override
    public List<LogLine> append(DeploymentId deployment, List<LogEntry> entries) {
        return append(deployment, entries, RAISE);
    }

    /**
     * The raise carries the status condition, so the row lock orders this append against a
     * status change: on PostgreSQL a raise that waited for a concurrent change re-checks the
     * condition against the committed row; on H2 the waiting update re-reads the row as well.
     */
    @Override
    public List<LogLine> appendWhileActive(DeploymentId deployment, List<LogEntry> entries) {
        return append(deployment, entries, RAISE_WHILE_ACTIVE);
    }

    private List<LogLine> append(DeploymentId deployment, List<LogEntry> entries, String raise) {
        if (entries.isEmpty()) {
            return List.of();
        }
        String id = deployment.value();
        return guardWrite(WHAT, "deployment", id, () -> transactions.executeWrite(
                status -> jdbc.execute(connection -> appendInTransaction(connection, raise, id, entries))));
    }

    private static List<LogLine> appendInTransaction(Connection connection, String raiseSql, String deployment,
                                                     List<LogEntry> entries) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(raiseSql)) {
            raise.setLong(1, entries.size());
            raise.setString(2, deployment);
            if (raise.executeUpdate() == 0) {
                return List.of();
            }
        }
        long last;
        try (PreparedStatement count = connection.prepareStatement("select log_count from deployments where id = ?")) {
            count.setString(1, deployment);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                last = row.getLong(1);
            }
        }
        List<LogLine> lines = new ArrayList<>(entries.size());
        long seq = last - entries.size();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into deployment_log_lines (deployment_id, seq, ts, level, message) values (?, ?, ?, ?, ?)")) {
            for (LogEntry entry : entries) {
                LogLine line = new LogLine(++seq, entry.timestamp(), entry.level(), entry.message());
                insert.setString(1, deployment);
                insert.setLong(2, line.seq());
                SqlValues.bind(insert, 3, line.timestamp());
                insert.setString(4, line.level().wireName());
                insert.setString(5, line.message());
                insert.addBatch();
                lines.add(line);
            }
            insert.executeBatch();
        }
        return lines;
    }

    /**
     * Sequence numbers run 1..log_count without gaps, so an offset is a sequence number: the
     * slice is a range scan on the primary key rather than a scan past skipped rows. The
     * counter read first is the total, and the slice stops at it, so a page never shows lines
     * its total does not count.
     */
    @Override
    public Page<LogLine> read(DeploymentId deployment, LogRange range) {
        String id = deployment.value();
        return guard(WHAT, () -> jdbc.execute(connection -> {
            if (range instanceof LogRange.Offset offset) {
                long total = committedCount(connection, id);
                List<LogLine> lines = offset.offset() >= total ? List.of()
                        : lines(connection, id, offset.offset(), Math.min(total - offset.offset(), offset.limit()));
                return Page.counted(lines, offset.offset(), total);
            }
            LogRange.AfterSeq after = (LogRange.AfterSeq) range;
            List<LogLine> lines = lines(connection, id, after.afterSeq(), after.limit() + 1L);
            boolean hasMore = lines.size() > after.limit();
            return Page.slice(hasMore ? lines.subList(0, after.limit()) : lines, hasMore);
        }));
    }

    private static long committedCount(Connection connection, String deployment) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select log_count from deployments where id = ?")) {
            count.setString(1, deployment);
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static List<LogLine> lines(Connection connection, String deployment, long afterSeq, long limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, ts, level, message from deployment_log_lines
                 where deployment_id = ? and seq > ?
                 order by seq
                 limit ?""")) {
            select.setString(1, deployment);
            select.setLong(2, afterSeq);
            select.setLong(3, limit);
            try (ResultSet row = select.executeQuery()) {
                List<LogLine> lines = new ArrayList<>();
                while (row.next()) {
                    lines.add(new LogLine(row.getLong("seq"), SqlValues.instant(row, "ts"),
                            level(row.getString("level")), row.getString("message")));
                }
                return lines;
            }
        }
    }

    private static LogLevel level(String stored) {
        return StoredValues.known(Arrays.stream(LogLevel.values()).filter(l -> l.wireName().equals(stored)).findFirst(),
                "log level", stored);
    }
}
