package dev.dotgit.adapter.rest.v2.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dotgit.adapter.rest.v2.error.V2RequestRejected;
import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * Fuzzes what v2 does with a webhook-create body before any use case runs: parse it and read it
 * into the command, the same code the route runs. Whatever the bytes, the only failures allowed are
 * the ones v2 renders as client errors (the domain's error family and v2's own request refusals);
 * anything else would reach the client as a 500. An accepted body must give a command that holds a
 * URL and a list of events (their rules are the use case's). Under {@code mvn test} it replays the
 * seed inputs next to this class (regression mode); {@code JAZZER_FUZZ=1} explores further.
 */
class CreateWebhookBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyEndsInAValidCommandOrAClientError(byte[] raw) {
        HttpRequest<?> request = HttpRequest.POST("/v2/webhooks", raw).contentType(MediaType.APPLICATION_JSON_TYPE);
        CreateWebhookCommand command;
        try {
            command = WebhooksController.createCommand(JsonBody.parse(request, raw));
        } catch (DomainError | V2RequestRejected clientError) {
            return; // rendered as a 4xx in v2's envelope
        }
        assertThat(command.url()).isNotNull();
        assertThat(command.events()).doesNotContainNull();
        assertThat(command.version()).isEqualTo(WebhookApiVersion.V2);
    }
}
