package dev.dotgit.adapter.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How webhooks are delivered ({@code dotgit.webhooks.*}, each also settable by its environment
 * variable, e.g. {@code DOTGIT_WEBHOOKS_ALLOWED_HOSTS}).
 */
@ConfigurationProperties("dotgit.webhooks")
public class WebhooksConfiguration {

    private String allowedHosts = "";
    private Duration retryInitialDelay = Duration.ofSeconds(30);
    private Duration retryMaxDelay = Duration.ofHours(1);
    private Duration retryFor = Duration.ofDays(3);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);

    /**
     * Comma-separated hosts, matched exactly (ignoring case) against the host of a target URL as
     * written, that may resolve to private, loopback or other internal addresses. Empty by default.
     */
    public String getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts == null ? "" : allowedHosts;
    }

    public Set<String> allowedHostSet() {
        return Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Wait before the first retry of a failed attempt (default 30s); later retries wait longer. */
    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    /** The longest wait between two retries (default 1h), unless the target's Retry-After asks for longer. */
    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** How long after its first attempt a delivery is given up (default 3 days). */
    public Duration getRetryFor() {
        return retryFor;
    }

    public void setRetryFor(Duration retryFor) {
        this.retryFor = retryFor;
    }

    /** How long connecting to a target may take (default 5s). */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How long a target may take to answer once the request is sent (default 10s). */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @PostConstruct
    void requireUsableValues() {
        requirePositive("dotgit.webhooks.retry-initial-delay", retryInitialDelay);
        requirePositive("dotgit.webhooks.retry-max-delay", retryMaxDelay);
        requirePositive("dotgit.webhooks.retry-for", retryFor);
        requirePositive("dotgit.webhooks.connect-timeout", connectTimeout);
        requirePositive("dotgit.webhooks.read-timeout", readTimeout);
        if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
            throw new ConfigurationException("dotgit.webhooks.retry-max-delay must be at least "
                    + "dotgit.webhooks.retry-initial-delay, but is " + retryMaxDelay);
        }
        for (String host : allowedHostSet()) {
            if (host.contains("/") || host.contains(" ")) {
                throw new ConfigurationException("dotgit.webhooks.allowed-hosts must list host names or addresses "
                        + "separated by commas, but contains '" + host + "'");
            }
        }
    }

    List<String> allowedHostList() {
        return List.copyOf(allowedHostSet());
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(key + " must be a positive duration such as 30s, but is " + value);
        }
    }
}
