package dev.dotgit.application.service.webhook;

import dev.dotgit.domain.webhook.DeliveryRetryPolicy;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * @param retry        when failed attempts are tried again, and for how long
 * @param allowedHosts hosts, exactly as written in a target URL (compared ignoring case), that skip
 *                     the address check ({@code dotgit.webhooks.allowed-hosts}), e.g. a receiver on
 *                     the same machine in a test or a trusted internal service
 */
public record WebhookSettings(DeliveryRetryPolicy retry, Set<String> allowedHosts) {

    public WebhookSettings {
        Objects.requireNonNull(retry, "retry");
        allowedHosts = allowedHosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAllowedHost(String hostAsWritten) {
        return hostAsWritten != null && allowedHosts.contains(hostAsWritten.toLowerCase(Locale.ROOT));
    }
}
