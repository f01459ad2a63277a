package dev.dotgit.application.port.in.webhook;

import dev.dotgit.domain.access.Caller;

/**
 * Subscribes the caller's account to events. Needs deploy:admin and a key not restricted to
 * projects or environments (a subscription hears about the whole account).
 *
 * @throws dev.dotgit.domain.error.InvalidInput on {@code url} (not absolute http(s), or its host
 *         resolves to a private, loopback, link-local, CGNAT, unspecified or multicast address and is
 *         not listed in {@code dotgit.webhooks.allowed-hosts}) or {@code events} (empty, or not
 *         offered by the version)
 */
public interface CreateWebhookUseCase {

    CreatedWebhook create(Caller caller, CreateWebhookCommand command);
}
