package dev.dotgit.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code dotgit.webhooks.*} keys an operator sets. */
class WebhooksConfigurationTest {

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            WebhooksConfiguration webhooks = context.getBean(WebhooksConfiguration.class);

            assertThat(webhooks.allowedHostSet()).isEmpty();
            assertThat(webhooks.getRetryInitialDelay()).isEqualTo(Duration.ofSeconds(30));
            assertThat(webhooks.getRetryMaxDelay()).isEqualTo(Duration.ofHours(1));
            assertThat(webhooks.getRetryFor()).isEqualTo(Duration.ofDays(3));
            assertThat(webhooks.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(webhooks.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void allowedHostsAreCommaSeparatedAndDurationsReadInTheUsualNotation() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "dotgit.webhooks.allowed-hosts", "127.0.0.1, hooks.internal ,",
                "dotgit.webhooks.retry-initial-delay", "2s", "dotgit.webhooks.retry-for", "1h"))) {
            WebhooksConfiguration webhooks = context.getBean(WebhooksConfiguration.class);

            assertThat(webhooks.allowedHostSet()).containsExactlyInAnyOrder("127.0.0.1", "hooks.internal");
            assertThat(webhooks.getRetryInitialDelay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(webhooks.getRetryFor()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void aZeroInitialDelayIsRefusedNamingTheKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "dotgit.webhooks.retry-initial-delay", "0s"))) {
            assertThatThrownBy(() -> context.getBean(WebhooksConfiguration.class))
                    .hasStackTraceContaining("dotgit.webhooks.retry-initial-delay must be a positive duration");
        }
    }
}
