package dev.dotgit.adapter.rest.v2.deployment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.adapter.rest.v2.error.V2RequestRejected;
import dev.dotgit.domain.error.DomainError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * Fuzzes what v2 does with a deployment-trigger body before any use case runs: parse it and
 * build the trigger command from it. Whatever the bytes, the only failures allowed are the ones
 * v2 renders as client errors (the domain's error family and v2's own request refusals);
 * anything else would reach the client as a 500. Under {@code mvn test} it replays the seed
 * inputs next to this class; {@code JAZZER_FUZZ=1} explores further.
 */
class TriggerBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyEndsInACommandOrAClientError(byte[] raw) {
        HttpRequest<?> request = HttpRequest.POST("/v2/deployments", raw).contentType(MediaType.APPLICATION_JSON_TYPE);
        try {
            TriggerRequest.read(JsonBody.parse(request, raw));
        } catch (DomainError | V2RequestRejected clientError) {
            // rendered as a 4xx in v2's envelope
        }
    }
}
