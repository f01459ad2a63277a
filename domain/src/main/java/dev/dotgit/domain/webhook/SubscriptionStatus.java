package dev.dotgit.domain.webhook;

import java.util.Locale;

/** Whether a subscription receives events. A disabled one keeps its history but gets nothing new. */
public enum SubscriptionStatus {
    ACTIVE,
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
