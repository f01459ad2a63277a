package dev.dotgit.adapter.rest.v3.deployment;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Timing of v3's SSE log streams ({@code dotgit.v3.sse.*}): a heartbeat comment every
 * {@code heartbeat-interval} (default 15 s, so proxies keep idle streams open), and a look
 * for new lines every {@code poll-interval} (default 250 ms) while a deployment runs.
 */
@ConfigurationProperties("dotgit.v3.sse")
public final class LogStreamSettings {

    private Duration heartbeatInterval = Duration.ofSeconds(15);
    private Duration pollInterval = Duration.ofMillis(250);

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = positive("heartbeat-interval", heartbeatInterval);
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = positive("poll-interval", pollInterval);
    }

    private static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("dotgit.v3.sse." + key + " must be a positive duration");
        }
        return value;
    }
}
