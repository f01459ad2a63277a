package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.Task;

/**
 * One kind of durable job this node runs: contributed as a bean, so that the node's one
 * {@link JobWorker} knows every task type in the shared table. There must be exactly one
 * scheduler per node over that table: a scheduler deletes executions of tasks it does not know
 * after a while, so a second scheduler knowing only some tasks would destroy the others' jobs.
 */
interface DurableJob {

    Task<?> task();
}
