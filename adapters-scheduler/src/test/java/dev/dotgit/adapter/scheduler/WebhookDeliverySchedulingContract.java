package dev.dotgit.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.in.webhook.DeliveryOutcome;
import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.application.port.out.webhook.ScheduleWebhookDeliveryPort;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery jobs share the pipeline's table and the node's one scheduler, on whichever database a subclass provides. */
abstract class WebhookDeliverySchedulingContract {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final List<ApplicationContext> nodes = new ArrayList<>();

    protected abstract TestDatabase database();

    @AfterEach
    void stopNodes() throws SQLException {
        nodes.forEach(ApplicationContext::close);
        nodes.clear();
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from " + JobTable.NAME);
        }
    }

    @Test
    void aDeliveryScheduledInACommittedTransactionRunsOnceAndARolledBackOneNever() {
        ApplicationContext node = startNode();
        WebhookDeliveryId committed = WebhookDeliveryId.generate();
        WebhookDeliveryId rolledBack = WebhookDeliveryId.generate();

        assertThatThrownBy(() -> transactions(node).executeWrite(status -> {
            scheduler(node).schedule(rolledBack, Instant.now());
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("state change failed");
        transactions(node).executeWrite(status -> {
            scheduler(node).schedule(committed, Instant.now());
            return null;
        });

        await().atMost(PATIENCE).until(() -> deliverer(node).runsOf(committed) == 1 && jobs() == 0);
        assertThat(deliverer(node).runs()).containsExactly(committed);
    }

    @Test
    void aRetryTheUseCaseAsksForRunsTheSameJobAgainAtThatTime() {
        ApplicationContext node = startNode();
        AtomicInteger retriesLeft = new AtomicInteger(2);
        deliverer(node).behaveAs(id -> retriesLeft.getAndDecrement() > 0
                ? DeliveryOutcome.retryAt(Instant.now().plusMillis(300)) : DeliveryOutcome.DONE);
        WebhookDeliveryId delivery = WebhookDeliveryId.generate();

        transactions(node).executeWrite(status -> {
            scheduler(node).schedule(delivery, Instant.now());
            return null;
        });

        await().atMost(PATIENCE).until(() -> jobs() == 0 && deliverer(node).runsOf(delivery) == 3);
    }

    @Test
    void oneSchedulerOnTheNodeRunsBothPipelinesAndDeliveries() {
        ApplicationContext node = startNode();
        WebhookDeliveryId delivery = WebhookDeliveryId.generate();
        DeploymentId deployment = DeploymentId.generate();

        transactions(node).executeWrite(status -> {
            node.getBean(SchedulePipelinePort.class).schedule(deployment);
            scheduler(node).schedule(delivery, Instant.now());
            return null;
        });

        await().atMost(PATIENCE).until(() -> deliverer(node).runsOf(delivery) == 1
                && node.getBean(RecordingPipeline.class).runsOf(deployment) == 1);
        assertThat(node.getBeansOfType(JobWorker.class)).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("db-scheduler-coordinator"))
                .count()).as("one scheduler per node").isLessThanOrEqualTo(1);
    }

    @Test
    void aDeliveryScheduledForLaterWaitsForItsTime() throws SQLException {
        ApplicationContext node = startNode();
        WebhookDeliveryId delivery = WebhookDeliveryId.generate();

        transactions(node).executeWrite(status -> {
            scheduler(node).schedule(delivery, Instant.now().plusSeconds(3600));
            return null;
        });

        assertThat(jobs()).isEqualTo(1);
        assertThat(executionTime(delivery)).isAfter(Instant.now().plusSeconds(3500));
        assertThat(deliverer(node).runs()).isEmpty();
    }

    private ApplicationContext startNode() {
        Map<String, Object> properties = database().nodeProperties("webhooks");
        ApplicationContext node = ApplicationContext.run(properties);
        nodes.add(node);
        return node;
    }

    private static ScheduleWebhookDeliveryPort scheduler(ApplicationContext node) {
        return node.getBean(ScheduleWebhookDeliveryPort.class);
    }

    private static RecordingDeliverer deliverer(ApplicationContext node) {
        return node.getBean(RecordingDeliverer.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TransactionOperations<Connection> transactions(ApplicationContext node) {
        return node.getBean((Argument<TransactionOperations<Connection>>) (Argument) Argument.of(
                TransactionOperations.class, Connection.class));
    }

    private long jobs() throws SQLException {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + JobTable.NAME
                     // the recurring purge keeps its one execution on every node
                     + " where task_name <> '" + IdempotencyKeyPurgeJob.TASK_NAME + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private Instant executionTime(WebhookDeliveryId delivery) throws SQLException {
        try (Connection connection = database().connect();
             PreparedStatement query = connection.prepareStatement("select execution_time from " + JobTable.NAME
                     + " where task_name = 'webhook-delivery' and task_instance = ?")) {
            query.setString(1, delivery.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }
}
