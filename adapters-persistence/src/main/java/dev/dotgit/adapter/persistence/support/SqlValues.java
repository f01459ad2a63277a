package dev.dotgit.adapter.persistence.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Parameter binding and column reading for the statements this module writes by hand.
 *
 * <p>Instants are bound as {@link OffsetDateTime} in UTC, which both drivers store in a
 * {@code timestamp with time zone} column exactly. That is why every write of an instant is
 * written by hand rather than generated: Micronaut Data binds an Instant with
 * {@code setTimestamp}, and H2 turns a {@link java.sql.Timestamp} into a local date-time of the
 * JVM's time zone before storing it, so in a zone with daylight saving time an instant in the
 * autumn hour that occurs twice came back an hour early. Reading a timestamp through Micronaut
 * Data is exact on both engines, so generated finders stay.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** Runs an insert, update or delete on the current transaction's connection (or a connection of its own). */
    public static int executeUpdate(JdbcOperations jdbc, String sql, Object... values) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    bind(statement, i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    public static void bindAll(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("no SQL binding for " + value.getClass());
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** As {@link #instant(ResultSet, String)}, by the column's position in the select list (from 1). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
