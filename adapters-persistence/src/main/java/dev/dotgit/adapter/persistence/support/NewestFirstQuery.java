package dev.dotgit.adapter.persistence.support;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A list query over one table, newest first by {@code (created_at desc, id desc)} (total,
 * because ids are unique), with the conditions a filter adds, read as a page of either kind:
 * <ul>
 *   <li>an offset page counts the whole filtered list, then reads its slice (skipped when the
 *       offset lies beyond the end);</li>
 *   <li>a keyset page continues strictly after the last row seen, using the table's
 *       {@code (owner, created_at, id)} index, and reads one row more than asked to know
 *       whether more follow. Rows inserted meanwhile either sort before the position (and are
 *       not shown) or after it (and are), so none repeats and none is skipped.</li>
 * </ul>
 * Values are always bound as parameters, never written into the SQL.
 */
public final class NewestFirstQuery {

    private final String columns;
    private final String table;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private NewestFirstQuery(String columns, String table, String alias) {
        this.columns = columns;
        this.table = table;
        this.alias = alias;
    }

    /** @param columns the select list, in terms of {@code alias} */
    public static NewestFirstQuery select(String columns, String table, String alias) {
        return new NewestFirstQuery(columns, table, alias);
    }

    /** Adds a condition with one {@code ?} per parameter. */
    public NewestFirstQuery where(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Keeps rows whose {@code column} is one of {@code values}; an empty set restricts nothing, as in every port filter. */
    public NewestFirstQuery restrictTo(String column, Collection<String> values) {
        if (!values.isEmpty()) {
            where(column + " in (" + placeholders(values.size()) + ")", values.toArray());
        }
        return this;
    }

    /** {@code ?, ?, ?} for an {@code in} list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    public <T> Page<T> fetch(JdbcOperations jdbc, PageRequest page, RowReader<T> reader) {
        return jdbc.execute(connection -> {
            if (page instanceof PageRequest.Offset offset) {
                return offsetPage(connection, offset, reader);
            }
            return keysetPage(connection, (PageRequest.After) page, reader);
        });
    }

    private <T> Page<T> offsetPage(Connection connection, PageRequest.Offset page, RowReader<T> reader)
            throws SQLException {
        long total = count(connection);
        if (page.offset() >= total) {
            return Page.counted(List.of(), page.offset(), total);
        }
        List<Object> values = new ArrayList<>(parameters);
        values.add(page.limit());
        values.add(page.offset());
        List<T> rows = read(connection, select(conditions) + " limit ? offset ?", values, reader);
        return Page.counted(rows, page.offset(), total);
    }

    private <T> Page<T> keysetPage(Connection connection, PageRequest.After page, RowReader<T> reader)
            throws SQLException {
        List<String> where = new ArrayList<>(conditions);
        List<Object> values = new ArrayList<>(parameters);
        if (page.position().isPresent()) {
            ListPosition position = page.position().get();
            where.add("(" + alias + ".created_at, " + alias + ".id) < (?, ?)");
            values.add(position.createdAt());
            values.add(position.id());
        }
        values.add(page.limit() + 1);
        List<T> rows = read(connection, select(where) + " limit ?", values, reader);
        boolean hasMore = rows.size() > page.limit();
        return Page.slice(hasMore ? rows.subList(0, page.limit()) : rows, hasMore);
    }

    private long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from " + table + " " + alias + whereClause(conditions))) {
            SqlValues.bindAll(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private String select(List<String> where) {
        return "select " + columns + " from " + table + " " + alias + whereClause(where)
                + " order by " + alias + ".created_at desc, " + alias + ".id desc";
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static <T> List<T> read(Connection connection, String sql, List<Object> values, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlValues.bindAll(statement, values);
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(reader.read(result));
                }
                return rows;
            }
        }
    }
}
