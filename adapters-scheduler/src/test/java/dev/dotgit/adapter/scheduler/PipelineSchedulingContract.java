package dev.dotgit.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.domain.deployment.DeploymentId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the scheduler adapter promises, on whichever database a subclass provides. Every test
 * starts its nodes (Micronaut contexts with this module's beans, the real transaction manager and
 * Flyway) on that database, with intervals short enough to keep the suite quick.
 */
abstract class PipelineSchedulingContract {

    private static final String TASK_NAME = "deployment-pipeline";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ApplicationContext> nodes = new ArrayList<>();
    private final CountDownLatch releaseBlockedRuns = new CountDownLatch(1);

    protected abstract TestDatabase database();

    @AfterEach
    void stopNodesAndForgetTheirJobs() throws SQLException {
        releaseBlockedRuns.countDown();
        Collections.reverse(nodes);
        nodes.forEach(ApplicationContext::close);
        nodes.clear();
        try (Connection connection = database().connect();
             ResultSet table = connection.getMetaData().getTables(null, null, JobTable.NAME, null)) {
            if (table.next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("delete from " + JobTable.NAME);
                }
            }
        }
    }

    @Test
    void schedulingJoinsTheCallersTransactionWithoutCommittingOrClosingIt() throws SQLException {
        ApplicationContext apiNode = startNode("api", Map.of("dotgit.jobs.enabled", false));
        DeploymentId deployment = DeploymentId.generate();

        transactions(apiNode).executeWrite(status -> {
            scheduler(apiNode).schedule(deployment);
            Connection callersConnection = status.getConnection();
            assertThat(callersConnection.isClosed()).as("caller's connection closed").isFalse();
            assertThat(callersConnection.getAutoCommit()).as("caller's connection in auto-commit").isFalse();
            assertThat(jobsIn(callersConnection, deployment)).as("job seen inside the transaction").isEqualTo(1);
            assertThat(jobsFor(deployment)).as("job seen outside before the commit").isZero();
            return null;
        });

        assertThat(jobsFor(deployment)).as("job seen after the commit").isEqualTo(1);
    }

    @Test
    void aCommittedScheduleRunsThePipelineExactlyOnce() {
        ApplicationContext node = startNode("worker", Map.of());
        DeploymentId deployment = DeploymentId.generate();

        scheduleAndCommit(node, deployment);

        // A finished one-time job's row is deleted, so once it is gone no further run can start.
        await().atMost(PATIENCE).until(() -> jobsFor(deployment) == 0 && pipeline(node).runsOf(deployment) > 0);
        assertThat(pipeline(node).runs()).containsExactly(deployment);
    }

    @Test
    void aRolledBackScheduleLeavesNoJobAndNoRun() throws SQLException {
        ApplicationContext node = startNode("worker", Map.of());
        DeploymentId rolledBack = DeploymentId.generate();

        assertThatThrownBy(() -> transactions(node).executeWrite(status -> {
            scheduler(node).schedule(rolledBack);
            throw new IllegalStateException("a business rule failed after scheduling");
        })).hasMessageContaining("business rule");

        assertThat(jobsFor(rolledBack)).isZero();
        DeploymentId later = DeploymentId.generate();
        scheduleAndCommit(node, later);
        await().atMost(PATIENCE).until(() -> pipeline(node).runsOf(later) == 1);
        assertThat(pipeline(node).runs()).containsExactly(later);
    }

    @Test
    void schedulingTheSameDeploymentAgainKeepsItsOneJob() throws SQLException {
        ApplicationContext apiNode = startNode("api", Map.of("dotgit.jobs.enabled", false));
        DeploymentId deployment = DeploymentId.generate();

        transactions(apiNode).executeWrite(status -> {
            scheduler(apiNode).schedule(deployment);
            scheduler(apiNode).schedule(deployment);
            return null;
        });
        assertThatCode(() -> scheduleAndCommit(apiNode, deployment)).doesNotThrowAnyException();

        assertThat(jobsFor(deployment)).isEqualTo(1);
    }

    @Test
    void schedulingOutsideAnyTransactionCommitsTheJobOnItsOwn() throws SQLException {
        ApplicationContext apiNode = startNode("api", Map.of("dotgit.jobs.enabled", false));
        DeploymentId deployment = DeploymentId.generate();

        scheduler(apiNode).schedule(deployment);

        assertThat(jobsFor(deployment)).isEqualTo(1);
    }

    @Test
    void aDeploymentScheduledOnThisNodeStartsWithoutWaitingForThePoll() {
        ApplicationContext node = startNode("worker", Map.of("dotgit.jobs.polling-interval", "1h"));
        DeploymentId deployment = DeploymentId.generate();

        scheduleAndCommit(node, deployment);

        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline(node).runsOf(deployment) == 1);
    }

    @Test
    void aJobLeftPickedByADeadNodeIsRevivedAndRunAgain() throws SQLException {
        ApplicationContext survivor = startNode("survivor", Map.of());
        DeploymentId deployment = DeploymentId.generate();

        insertJobPickedByDeadNode(deployment, "node-that-died");

        await().atMost(PATIENCE).until(() -> jobsFor(deployment) == 0 && pipeline(survivor).runsOf(deployment) > 0);
        assertThat(pipeline(survivor).runs()).containsExactly(deployment);
    }

    @Test
    void aPipelineThatKeepsThrowingIsGivenUpAfterThreeAttempts() {
        ApplicationContext node = startNode("worker", Map.of());
        pipeline(node).behaveAs(deployment -> {
            throw new IllegalStateException("database unreachable while recording the failure");
        });
        DeploymentId deployment = DeploymentId.generate();

        scheduleAndCommit(node, deployment);

        await().atMost(PATIENCE).until(() -> jobsFor(deployment) == 0);
        assertThat(pipeline(node).runsOf(deployment)).isEqualTo(3);
    }

    @Test
    void byDefaultAPipelineThatThrowsIsRetriedUntilItSucceeds() {
        ApplicationContext node = startNode("worker", Map.of("dotgit.jobs.max-attempts", 0,
                "dotgit.jobs.retry-max-delay", "200ms"));
        java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger(5);
        pipeline(node).behaveAs(deployment -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unreachable while recording the failure");
            }
        });
        DeploymentId deployment = DeploymentId.generate();

        scheduleAndCommit(node, deployment);

        await().atMost(PATIENCE).until(() -> jobsFor(deployment) == 0);
        assertThat(pipeline(node).runsOf(deployment)).isEqualTo(6);
    }

    @Test
    void twoNodesRunEachDeploymentExactlyOnce() {
        ApplicationContext nodeA = startNode("node-a", Map.of());
        ApplicationContext nodeB = startNode("node-b", Map.of());
        pipeline(nodeA).behaveAs(this::waitUntilReleased);
        pipeline(nodeB).behaveAs(this::waitUntilReleased);
        List<DeploymentId> deployments = Stream.generate(DeploymentId::generate).limit(8).toList();

        deployments.forEach(deployment -> scheduleAndCommit(nodeA, deployment));

        // Each node has two threads, held by the latch: four runs at once means both nodes work.
        await().atMost(PATIENCE).until(() -> pipeline(nodeA).runs().size() + pipeline(nodeB).runs().size() == 4);
        assertThat(pipeline(nodeA).runs()).hasSize(2);
        assertThat(pipeline(nodeB).runs()).hasSize(2);
        releaseBlockedRuns.countDown();
        await().atMost(PATIENCE).until(() -> allJobs() == 0);
        List<DeploymentId> allRuns = new ArrayList<>(pipeline(nodeA).runs());
        allRuns.addAll(pipeline(nodeB).runs());
        assertThat(allRuns).containsExactlyInAnyOrderElementsOf(deployments);
    }

    @Test
    void aNodeWithJobsDisabledSchedulesButLeavesTheRunsToWorkerNodes() throws SQLException {
        ApplicationContext apiNode = startNode("api", Map.of("dotgit.jobs.enabled", false));
        DeploymentId deployment = DeploymentId.generate();

        scheduleAndCommit(apiNode, deployment);
        assertThat(apiNode.containsBean(JobWorker.class)).isFalse();
        assertThat(jobsFor(deployment)).isEqualTo(1);

        ApplicationContext workerNode = startNode("worker", Map.of());
        await().atMost(PATIENCE).until(() -> pipeline(workerNode).runsOf(deployment) == 1);
        assertThat(pipeline(apiNode).runs()).isEmpty();
    }

    @Test
    void closingTheApplicationStopsTheScheduler() {
        ApplicationContext node = startNode("worker", Map.of());
        DeploymentId deployment = DeploymentId.generate();
        scheduleAndCommit(node, deployment);
        await().atMost(PATIENCE).until(() -> pipeline(node).runsOf(deployment) == 1);
        assertThat(schedulerThreads()).isNotEmpty();

        node.close();

        await().atMost(PATIENCE).until(() -> schedulerThreads().isEmpty());
    }

    private ApplicationContext startNode(String nodeName, Map<String, Object> overrides) {
        Map<String, Object> properties = database().nodeProperties(nodeName);
        properties.put("datasources.default.minimum-idle", 1);
        properties.put("dotgit.jobs.max-attempts", 3);
        properties.put("dotgit.jobs.retry-initial-delay", "100ms");
        properties.putAll(overrides);
        ApplicationContext node = ApplicationContext.run(properties);
        nodes.add(node);
        return node;
    }

    private void scheduleAndCommit(ApplicationContext node, DeploymentId deployment) {
        transactions(node).executeWrite(status -> {
            scheduler(node).schedule(deployment);
            return null;
        });
    }

    private static SchedulePipelinePort scheduler(ApplicationContext node) {
        return node.getBean(SchedulePipelinePort.class);
    }

    private static RecordingPipeline pipeline(ApplicationContext node) {
        return node.getBean(RecordingPipeline.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TransactionOperations<Connection> transactions(ApplicationContext node) {
        return node.getBean((Argument<TransactionOperations<Connection>>) (Argument) Argument.of(
                TransactionOperations.class, Connection.class));
    }

    private void waitUntilReleased(DeploymentId deployment) {
        try {
            if (!releaseBlockedRuns.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the run of " + deployment);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the run of " + deployment, e);
        }
    }

    private long jobsFor(DeploymentId deployment) throws SQLException {
        try (Connection connection = database().connect()) {
            return jobsIn(connection, deployment);
        }
    }

    private static long jobsIn(Connection connection, DeploymentId deployment) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from " + JobTable.NAME + " where task_name = ? and task_instance = ?")) {
            query.setString(1, TASK_NAME);
            query.setString(2, deployment.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private long allJobs() throws SQLException {
        try (Connection connection = database().connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + JobTable.NAME
                     // the recurring purge keeps its one execution on every node
                     + " where task_name <> '" + IdempotencyKeyPurgeJob.TASK_NAME + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The row a node leaves behind when it dies mid-run: picked, by a name no live node has, long silent. */
    private void insertJobPickedByDeadNode(DeploymentId deployment, String deadNode) throws SQLException {
        OffsetDateTime anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        try (Connection connection = database().connect();
             PreparedStatement insert = connection.prepareStatement("insert into " + JobTable.NAME
                     + " (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version,"
                     + " consecutive_failures) values (?, ?, ?, true, ?, ?, 2, 0)")) {
            insert.setString(1, TASK_NAME);
            insert.setString(2, deployment.value());
            insert.setObject(3, anHourAgo);
            insert.setString(4, deadNode);
            insert.setObject(5, anHourAgo);
            insert.executeUpdate();
        }
    }

    private static List<Thread> schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("db-scheduler"))
                .toList();
    }
}
