package dev.dotgit.adapter.rest.v3.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dotgit.adapter.rest.v3.error.RequestRejected;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what v3 does with a deployment-trigger body before any use case runs: parse it as
 * one JSON object, refuse unknown fields, read every field with its type, and turn the values
 * into domain values. Whatever the bytes, the only failures allowed are the ones v3 renders as
 * 400s (the domain's error family and v3's own request refusals); anything else would reach
 * the client as a 500. Under {@code mvn test} it replays the seed inputs next to this class
 * (regression mode); {@code JAZZER_FUZZ=1} explores further.
 */
class TriggerBodyFuzzTest {

    private static final List<String> FIELDS = List.of("branch", "environment", "commit_sha", "auto_rollback",
            "env_vars");

    @FuzzTest(maxDuration = "30s")
    void anyBodyEndsInAValueOrAClientError(byte[] raw) {
        HttpRequest<?> request = HttpRequest.POST("/v3/projects/proj_0123456789/deployments", raw)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        try {
            JsonBody fields = JsonBody.parse(request, raw, FIELDS);
            String branch = fields.optionalString("branch");
            String environment = fields.optionalString("environment");
            String commit = fields.optionalString("commit_sha");
            fields.optionalBoolean("auto_rollback");
            Map<String, String> envVars = fields.optionalStringMap("env_vars");
            fields.check(() -> BranchName.parse("branch", branch == null ? "main" : branch));
            String word = environment == null ? "production" : environment;
            fields.check(() -> Environment.fromWire(word)
                    .orElseThrow(() -> InvalidInput.notAllowed("environment", word, Environment.wireNames())));
            if (commit != null) {
                fields.check(() -> CommitSha.parse("commit_sha", commit));
            }
            fields.check(() -> EnvVars.parse("env_vars", envVars));
            fields.throwIfInvalid();
        } catch (DomainError | RequestRejected clientError) {
            // rendered as a 400 (or 415) in v3's envelope
        }
    }
}
