package dev.dotgit.adapter.scheduler;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * How this node works through the durable job table ({@code dotgit.jobs.*}). Whether the node
 * works at all is {@code dotgit.jobs.enabled} (default {@code true}), read by
 * {@link JobWorker}'s {@code @Requires}: a node with {@code false} still schedules jobs
 * (they are rows in the shared table) but leaves running them to the other nodes.
 */
@ConfigurationProperties("dotgit.jobs")
public class JobsConfiguration {

    /** db-scheduler refuses fewer: with fewer, a slow heartbeat would pass for a dead node. */
    static final int MINIMUM_MISSED_HEARTBEATS = 4;

    private int threads = 4;
    private Duration pollingInterval = Duration.ofSeconds(2);
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    private int missedHeartbeatsLimit = 6;
    private Duration shutdownMaxWait = Duration.ofSeconds(10);
    private int maxAttempts = 0;
    private Duration retryInitialDelay = Duration.ofSeconds(10);
    private Duration retryMaxDelay = Duration.ofMinutes(5);
    private String nodeName;

    /** Pipelines this node runs at the same time. */
    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    /** How often the node looks for due jobs scheduled elsewhere (its own wake it at once). */
    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    /** How often a running job proves its node is alive. */
    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    /** Heartbeats a running job may miss before another node takes it over as dead. */
    public int getMissedHeartbeatsLimit() {
        return missedHeartbeatsLimit;
    }

    public void setMissedHeartbeatsLimit(int missedHeartbeatsLimit) {
        this.missedHeartbeatsLimit = missedHeartbeatsLimit;
    }

    /** How long shutdown waits for running pipelines (twice: before and after interrupting them). */
    public Duration getShutdownMaxWait() {
        return shutdownMaxWait;
    }

    public void setShutdownMaxWait(Duration shutdownMaxWait) {
        this.shutdownMaxWait = shutdownMaxWait;
    }

    /**
     * Runs of one pipeline job that may throw before the job is given up; 0 (the default)
     * never gives up. A job only throws when even recording a failure failed (the database is
     * down), and a job given up would leave its deployment active for good, so by default it
     * keeps retrying, at most {@link #getRetryMaxDelay()} apart, until the deployment is settled.
     */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Wait before the first retry of a job that threw; each further retry waits twice as long. */
    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    /** The longest wait between two retries of a job that keeps throwing. */
    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** The name written into {@code picked_by}; {@code null} means this host's name. */
    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    /** Refuses values db-scheduler would reject or misbehave on, naming the key at fault. */
    @PostConstruct
    void requireUsableValues() {
        requireAtLeast("dotgit.jobs.threads", threads, 1);
        requireAtLeast("dotgit.jobs.missed-heartbeats-limit", missedHeartbeatsLimit, MINIMUM_MISSED_HEARTBEATS);
        requireAtLeast("dotgit.jobs.max-attempts", maxAttempts, 0);
        requirePositive("dotgit.jobs.polling-interval", pollingInterval);
        requirePositive("dotgit.jobs.heartbeat-interval", heartbeatInterval);
        requirePositive("dotgit.jobs.shutdown-max-wait", shutdownMaxWait);
        requirePositive("dotgit.jobs.retry-initial-delay", retryInitialDelay);
        requirePositive("dotgit.jobs.retry-max-delay", retryMaxDelay);
        if (nodeName != null && nodeName.isBlank()) {
            throw new ConfigurationException("dotgit.jobs.node-name must not be blank; leave it unset to use the host name");
        }
    }

    private static void requireAtLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new ConfigurationException(key + " must be at least " + minimum + ", but is " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(key + " must be a positive duration such as 2s, but is " + value);
        }
    }
}
