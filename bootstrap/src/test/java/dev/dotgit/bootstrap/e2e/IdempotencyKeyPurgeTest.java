package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.InProcessServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TemporaryDirectory;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §2.6 keeps a key 24 h; the server then forgets it by itself: a recurring task of the
 * node's scheduler deletes expired keys ({@code dotgit.idempotency.purge-interval}, 1 s here).
 * A key is used, its row is aged past 24 h in the database (the server's clock is the real
 * one), and without any further request the row disappears; the key then serves a new request.
 */
class IdempotencyKeyPurgeTest {

    private static TemporaryDirectory dataDir;
    private static InProcessServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        dataDir = TemporaryDirectory.create("dotgit-e2e-purge-");
        server = InProcessServer.start(ServerSettings.fresh(dataDir.path())
                .with("dotgit.idempotency.purge-interval", "1s"));
        api = server.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            dataDir.close();
        }
    }

    @Test
    void anExpiredKeyIsDeletedByTheRecurringPurgeAndThenServesAnotherRequest() throws Exception {
        String key = "purge-" + ServerSettings.randomAlphanumeric(12);
        String first = Api.json(Map.of("name", "purge-a-" + ServerSettings.randomAlphanumeric(6).toLowerCase()));
        String other = Api.json(Map.of("name", "purge-b-" + ServerSettings.randomAlphanumeric(6).toLowerCase()));
        assertThat(create(key, first).statusCode()).isEqualTo(201);
        Response reused = create(key, other);
        assertThat(reused.statusCode()).as("a live key refuses another body").isEqualTo(422);
        assertThat(reused.<String>path("error.code")).isEqualTo("idempotency_key_reused");
        assertThat(rowsOf(key)).isEqualTo(1);

        ageBeyondRetention(key);

        await("the purge to delete the expired key").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> rowsOf(key) == 0);
        Response afresh = create(key, other);
        assertThat(afresh.statusCode()).as(afresh.asString()).isEqualTo(201);
        assertThat(afresh.header("Idempotent-Replayed")).isNull();
        assertThat(purgeExecutions()).as("one recurring execution").isEqualTo(1);
    }

    private static Response create(String key, String body) {
        return api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/v3/projects");
    }

    private static Connection connect() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class)).getConnection();
    }

    private static int rowsOf(String key) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from idempotency_keys where idem_key = ?")) {
            count.setString(1, key);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void ageBeyondRetention(String key) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement age = connection.prepareStatement(
                     "update idempotency_keys set created_at = ? where idem_key = ?")) {
            age.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusHours(25));
            age.setString(2, key);
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
    }

    private static int purgeExecutions() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from scheduled_tasks where task_name = 'idempotency-key-purge'")) {
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
