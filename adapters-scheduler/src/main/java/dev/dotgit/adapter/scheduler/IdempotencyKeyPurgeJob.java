package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.dotgit.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges expired idempotency keys every {@code dotgit.idempotency.purge-interval} (default 1 h),
 * as a recurring task of the node's one scheduler. db-scheduler keeps a recurring task as one
 * execution row, picked by exactly one node at a time (the same conditional update as every
 * job), so with several nodes over one PostgreSQL the purge still runs once per interval, on
 * whichever node is free; if that node dies mid-purge the execution is revived elsewhere, and a
 * repeated purge is harmless (it deletes what is still expired).
 *
 * <p>The interval is a fixed delay: the next run is due that long after the previous one
 * finished, so slow runs never pile up. It runs first right after the first start on a new
 * database. db-scheduler cannot tell whether a fixed delay has changed, so a new interval takes
 * effect after the run already due.
 */
@Singleton
final class IdempotencyKeyPurgeJob implements DurableJob {

    static final String TASK_NAME = "idempotency-key-purge";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurgeJob.class);

    private final RecurringTask<Void> task;

    IdempotencyKeyPurgeJob(PurgeExpiredIdempotencyKeysUseCase purge,
                           @Value("${dotgit.idempotency.purge-interval:1h}") Duration interval) {
        // A failing run (the database unreachable) is logged by db-scheduler and simply due again
        // after the interval: nothing is lost by waiting, the keys only stay longer.
        this.task = Tasks.recurring(TASK_NAME, FixedDelay.of(interval)).execute((instance, context) -> {
            long purged = purge.purgeExpired();
            if (purged > 0) {
                LOG.info("Purged {} expired idempotency keys", purged);
            }
        });
    }

    @Override
    public Task<?> task() {
        return task;
    }
}
