package dev.dotgit.adapter.persistence.testing;

import dev.dotgit.application.port.out.contract.PersistencePorts;
import io.micronaut.context.ApplicationContext;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test class, with the persistence module running on it:
 * created before the class's first test, removed after its last, so test classes never see
 * each other's rows.
 *
 * <p>PostgreSQL is required, never optional: when it cannot be reached, the class fails with a
 * message saying where it looked, so a CI run without PostgreSQL is red rather than green
 * with the PostgreSQL half silently skipped.
 */
public final class DatabaseStore implements BeforeAllCallback, AfterAllCallback {

    static final String POSTGRES_URL_VARIABLE = "DOTGIT_TEST_POSTGRES_URL";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String POSTGRES_USER = "postgres";
    private static final String H2_USER = "sa";
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Engine engine;
    private final Map<String, Object> settings;
    private String databaseName;
    private ApplicationContext context;
    private PersistencePorts ports;

    private enum Engine { H2, POSTGRES }

    private DatabaseStore(Engine engine, Map<String, Object> settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** An in-memory H2 database in PostgreSQL mode, unique to the test class. */
    public static DatabaseStore h2() {
        return new DatabaseStore(Engine.H2, Map.of());
    }

    /** A fresh database on the PostgreSQL server at {@code $DOTGIT_TEST_POSTGRES_URL}. */
    public static DatabaseStore postgres() {
        return new DatabaseStore(Engine.POSTGRES, Map.of());
    }

    /** The same store, started with further configuration settings. */
    public DatabaseStore with(String key, Object value) {
        Map<String, Object> more = new HashMap<>(settings);
        more.put(key, value);
        return new DatabaseStore(engine, Map.copyOf(more));
    }

    public PersistencePorts ports() {
        return ports;
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        String name = "dotgit_test_" + randomSuffix();
        if (engine == Engine.POSTGRES) {
            executeAsAdmin(postgresAdminUrl(), "create database " + name);
        }
        databaseName = name;
        context = engine == Engine.H2
                ? PersistenceContext.start(h2Url(), H2_USER, "", settings)
                : PersistenceContext.start(withDatabase(postgresAdminUrl(), databaseName), POSTGRES_USER, "", settings);
        ports = PersistenceContext.portsOf(context);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws SQLException {
        if (context != null) {
            context.close();
        }
        if (databaseName == null) {
            return;
        }
        if (engine == Engine.H2) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database, even without connections, until it is shut down
            try (Connection connection = DriverManager.getConnection(h2Url(), H2_USER, "")) {
                connection.createStatement().execute("shutdown");
            }
        } else {
            executeAsAdmin(postgresAdminUrl(), "drop database if exists " + databaseName + " with (force)");
        }
    }

    private String h2Url() {
        return "jdbc:h2:mem:" + databaseName + PersistenceContext.H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }

    private static String postgresAdminUrl() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
    }

    private static void executeAsAdmin(String adminUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need a PostgreSQL server at " + adminUrl
                    + " (user " + POSTGRES_USER + ", no password) and could not run '" + sql + "' (" + e.getMessage()
                    + ") Point " + POSTGRES_URL_VARIABLE + " at a reachable server, or start the local one with"
                    + " 'pg_ctlcluster 15 main start'.", e);
        }
    }

    static String withDatabase(String adminUrl, String database) {
        Matcher url = POSTGRES_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalStateException(POSTGRES_URL_VARIABLE + " must look like "
                    + "jdbc:postgresql://host:port/database, not " + adminUrl);
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            suffix.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return suffix.toString();
    }
}
