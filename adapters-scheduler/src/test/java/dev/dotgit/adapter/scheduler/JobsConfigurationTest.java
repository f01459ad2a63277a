package dev.dotgit.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code dotgit.jobs.*} keys an operator sets, without a database behind them. */
class JobsConfigurationTest {

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        try (ApplicationContext context = context(Map.of())) {
            JobsConfiguration jobs = context.getBean(JobsConfiguration.class);

            assertThat(jobs.getThreads()).isEqualTo(4);
            assertThat(jobs.getPollingInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(jobs.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(jobs.getMissedHeartbeatsLimit()).isEqualTo(6);
            assertThat(jobs.getShutdownMaxWait()).isEqualTo(Duration.ofSeconds(10));
            assertThat(jobs.getMaxAttempts()).as("0: never give up").isZero();
            assertThat(jobs.getRetryInitialDelay()).isEqualTo(Duration.ofSeconds(10));
            assertThat(jobs.getRetryMaxDelay()).isEqualTo(Duration.ofMinutes(5));
            assertThat(jobs.getNodeName()).isNull();
        }
    }

    @Test
    void durationsAreReadInTheUsualNotation() {
        try (ApplicationContext context = context(Map.of("dotgit.jobs.polling-interval", "750ms",
                "dotgit.jobs.heartbeat-interval", "1m"))) {
            JobsConfiguration jobs = context.getBean(JobsConfiguration.class);

            assertThat(jobs.getPollingInterval()).isEqualTo(Duration.ofMillis(750));
            assertThat(jobs.getHeartbeatInterval()).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void fewerMissedHeartbeatsThanDbSchedulerAllowsAreRefusedNamingTheKey() {
        try (ApplicationContext context = context(Map.of("dotgit.jobs.missed-heartbeats-limit", 3))) {
            assertThatThrownBy(() -> context.getBean(JobsConfiguration.class))
                    .hasStackTraceContaining("dotgit.jobs.missed-heartbeats-limit must be at least 4, but is 3");
        }
    }

    @Test
    void aZeroPollingIntervalIsRefusedNamingTheKey() {
        try (ApplicationContext context = context(Map.of("dotgit.jobs.polling-interval", "0s"))) {
            assertThatThrownBy(() -> context.getBean(JobsConfiguration.class))
                    .hasStackTraceContaining("dotgit.jobs.polling-interval must be a positive duration");
        }
    }

    /** Jobs disabled: only the configuration is wanted, not a worker and its database. */
    private static ApplicationContext context(Map<String, Object> jobs) {
        Map<String, Object> properties = new HashMap<>(jobs);
        properties.put("dotgit.jobs.enabled", false);
        return ApplicationContext.run(properties);
    }
}
