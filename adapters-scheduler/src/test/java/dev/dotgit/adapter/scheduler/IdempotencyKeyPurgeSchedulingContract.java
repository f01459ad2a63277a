package dev.dotgit.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotency-key purge as a recurring task of the node's scheduler: it runs at start and
 * then every interval, and nodes sharing one database share one execution, so two never purge
 * at the same time.
 */
abstract class IdempotencyKeyPurgeSchedulingContract {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ApplicationContext> nodes = new ArrayList<>();

    protected abstract TestDatabase database();

    @BeforeEach
    void forgetEarlierRuns() {
        RecordingPurge.reset();
    }

    @AfterEach
    void stopNodesAndForgetTheirJobs() throws SQLException {
        Collections.reverse(nodes);
        nodes.forEach(ApplicationContext::close);
        nodes.clear();
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from " + JobTable.NAME);
        }
    }

    @Test
    void aNodeRunsThePurgeAtStartAndThenAgainEveryInterval() {
        startNode("worker");

        await().atMost(PATIENCE).until(() -> RecordingPurge.RUNS.get() >= 3);
    }

    @Test
    void nodesSharingADatabaseShareOneExecutionAndNeverPurgeAtTheSameTime() throws SQLException {
        startNode("node-a");
        startNode("node-b");

        await().atMost(PATIENCE).until(() -> RecordingPurge.RUNS.get() >= 8);

        assertThat(RecordingPurge.MOST_AT_ONCE).hasValue(1);
        assertThat(executionsOfThePurge()).isEqualTo(1);
    }

    private int executionsOfThePurge() throws SQLException {
        try (Connection connection = database().connect();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from " + JobTable.NAME + " where task_name = ?")) {
            count.setString(1, IdempotencyKeyPurgeJob.TASK_NAME);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private ApplicationContext startNode(String nodeName) {
        return startNode(nodeName, Map.of());
    }

    private ApplicationContext startNode(String nodeName, Map<String, Object> overrides) {
        Map<String, Object> properties = database().nodeProperties(nodeName);
        properties.put("datasources.default.minimum-idle", 1);
        properties.put("dotgit.jobs.polling-interval", "100ms");
        properties.put("dotgit.idempotency.purge-interval", "100ms");
        properties.putAll(overrides);
        ApplicationContext node = ApplicationContext.run(properties);
        nodes.add(node);
        return node;
    }
}
