package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.access.Caller;

/**
 * Removes a subscription with its delivery history; pending attempts stop. Needs deploy:admin;
 * another account's is {@code NotFound("webhook", id)}.
 */
public interface DeleteWebhookUseCase {

    void delete(Caller caller, String webhookId);
}
