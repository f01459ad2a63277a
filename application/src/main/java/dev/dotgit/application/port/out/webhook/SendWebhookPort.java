package dev.dotgit.application.port.out.webhook;

/**
 * Sends one attempt: renders the envelope of the subscription's API version, signs it with the
 * subscription's secret, POSTs it to the subscription's url over {@link OutgoingWebhook#connectTo()},
 * and reports what happened. Never throws for a failure of the target; never follows redirects.
 */
public interface SendWebhookPort {

    SendOutcome send(OutgoingWebhook webhook);
}
