package dev.dotgit.application.port.in.webhook;

import java.util.Objects;

/** A new subscription and its secret ({@code whsec_…}): the only time the secret is shown. */
public record CreatedWebhook(Webhook webhook, String secret) {

    public CreatedWebhook {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }
}
