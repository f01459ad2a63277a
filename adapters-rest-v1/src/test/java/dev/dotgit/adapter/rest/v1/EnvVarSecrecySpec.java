package dev.dotgit.adapter.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dotgit.adapter.rest.v1.support.LogCapture;
import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Env-var values are write-only (CONTRACT §1): no reply, error or log line ever shows one. */
abstract class EnvVarSecrecySpec extends V1Spec {

    EnvVarSecrecySpec(Supplier<V1Api> server) {
        super(server);
    }

    @Test
    void noResponseOrLogLineEverContainsAnEnvVarValue() {
        String secret = "s3cr3t-" + UUID.randomUUID();
        String projectId = tenant.createProject(Tenant.uniqueName("web"));
        List<Response> responses = new ArrayList<>();

        try (LogCapture log = new LogCapture()) {
            Response underProject = tenant.admin().contentType(ContentType.JSON).body("""
                    {"branch":"main","environment":"staging","env_vars":{"API_TOKEN":"%s"}}""".formatted(secret))
                    .post("/v1/projects/" + projectId + "/deployments");
            Response atDeployments = tenant.admin().contentType(ContentType.JSON).body("""
                    {"project_id":"%s","branch":"main","env_vars":{"API_TOKEN":"%s"}}""".formatted(projectId, secret))
                    .post("/v1/deployments");
            responses.add(underProject);
            responses.add(atDeployments);
            String built = atDeployments.path("id");
            String cancelled = underProject.path("id");
            runPipelineOf(built);
            responses.add(tenant.admin().post("/v1/deployments/" + cancelled + "/cancel"));
            for (String id : List.of(built, cancelled)) {
                responses.add(tenant.admin().get("/v1/deployments/" + id));
                responses.add(tenant.admin().queryParam("limit", 1000).get("/v1/deployments/" + id + "/logs"));
            }
            responses.add(tenant.admin().get("/v1/deployments"));
            responses.add(tenant.admin().contentType(ContentType.JSON).body("""
                    {"project_id":"%s","branch":"main","env_vars":{"BAD NAME":"%s","COUNT":7}}"""
                    .formatted(projectId, secret)).post("/v1/deployments"));
            responses.add(tenant.admin().contentType(ContentType.JSON).body("""
                    {"project_id":"%s","branch":"develop","env_vars":{"API_TOKEN":"%s"}}"""
                    .formatted(projectId, secret)).post("/v1/deployments"));

            assertThat(responses).extracting(Response::statusCode)
                    .containsExactly(201, 201, 200, 200, 200, 200, 200, 200, 422, 400);
            for (Response response : responses) {
                assertThat(response.asString()).doesNotContain(secret);
                assertThat(response.headers().toString()).doesNotContain(secret);
            }
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains(secret));
        }
    }
}
