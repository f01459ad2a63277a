package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.access.Caller;

/** One subscription; needs deploy:admin. Another account's (or a malformed id) is {@code NotFound("webhook", id)}. */
public interface GetWebhookQuery {

    Webhook get(Caller caller, String webhookId);
}
