package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import javax.sql.DataSource;

/**
 * This node's share of the durable job table: THE one db-scheduler {@link Scheduler} of the node,
 * knowing every {@link DurableJob} contributed as a bean (the pipeline and webhook deliveries).
 * A second scheduler over the same table would delete the executions of tasks it does not
 * know, so every job type joins this one instead of starting its own. It polls for due jobs, runs them on its own threads, heartbeats the ones it runs and revives jobs
 * of nodes that died. Started once the application has started, stopped when it shuts down.
 *
 * <p>Every node may run one. Two nodes fetching the same due execution: each tries to set its
 * {@code picked} flag with an update conditioned on the {@code version} it read; exactly one
 * update matches, and the other node skips the execution.
 *
 * <p>A node stalled longer than {@code heartbeat-interval × missed-heartbeats-limit} (a long GC
 * pause, a network partition) is taken for dead while it may still be running: another node
 * revives the execution and runs the pipeline again. That run finds the deployment past
 * {@code queued} and fails it with a reason; the stalled run's next state change then meets a
 * final deployment and stops, and its attempt to complete the execution matches no row (the
 * revival changed the version), so the execution is completed once, by the second run.
 */
@Singleton
@Requires(property = "dotgit.jobs.enabled", notEquals = "false")
final class JobWorker implements ApplicationEventListener<StartupEvent> {

    private final Scheduler scheduler;

    JobWorker(DataSource dataSource, @Value("${datasources.default.url:}") String jdbcUrl,
                   JobsConfiguration configuration, List<DurableJob> jobs) {
        // Polling, picking, heartbeats and completion are the worker's own short transactions:
        // they go to the raw pool. Micronaut's transaction-aware wrapper would hand them the
        // connection of whatever transaction the calling thread is in, and there is none on
        // db-scheduler's threads.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        // Recurring tasks (the idempotency-key purge) are started tasks: the scheduler creates
        // their one execution on start if no node has yet. The others are scheduled by the
        // business that needs them.
        List<Task<?>> tasks = jobs.stream().<Task<?>>map(DurableJob::task)
                .filter(task -> !(task instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = jobs.stream().map(DurableJob::task)
                .filter(task -> task instanceof RecurringTask<?>).<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        this.scheduler = Scheduler.create(pool, tasks)
                .startTasks(recurring)
                .tableName(JobTable.NAME)
                .jdbcCustomization(JobTable.customizationFor(jdbcUrl))
                .schedulerName(configuration.getNodeName() == null
                        ? new SchedulerName.Hostname()
                        : new SchedulerName.Fixed(configuration.getNodeName()))
                .threads(configuration.getThreads())
                .pollingInterval(configuration.getPollingInterval())
                .heartbeatInterval(configuration.getHeartbeatInterval())
                .missedHeartbeatsLimit(configuration.getMissedHeartbeatsLimit())
                .shutdownMaxWait(configuration.getShutdownMaxWait())
                // Wakes the poller when this scheduler itself makes an execution due now, as it
                // does when it revives a dead node's execution.
                .enableImmediateExecution()
                .build();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scheduler.start();
    }

    /**
     * Ends polling and heartbeats and waits up to twice {@code shutdown-max-wait} for running
     * pipelines (interrupting them halfway). A pipeline still running after that keeps its
     * execution picked; its heartbeat goes stale and a live node revives it.
     */
    @PreDestroy
    void stop() {
        scheduler.stop();
    }

    /**
     * Looks for due jobs now instead of at the next poll. {@link TransactionalPipelineScheduler}
     * calls this once the scheduling transaction has committed. db-scheduler's immediate
     * execution does not cover that case: it hears only of executions scheduled through this
     * {@link Scheduler}, and it would fire before the commit, while the new row is still
     * invisible to the poller's connection.
     */
    void checkForDueJobsNow() {
        scheduler.triggerCheckForDueExecutions();
    }
}
