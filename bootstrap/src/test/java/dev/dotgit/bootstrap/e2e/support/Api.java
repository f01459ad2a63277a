package dev.dotgit.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A running server as an HTTP client sees it: the API at {@code http://127.0.0.1:<port>} and
 * the hosted sites on the same port, told apart by the {@code Host} header.
 */
public final class Api {

    /** Long enough for a checkout and a small build on a busy two-core machine. */
    public static final Duration DEPLOYMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> FINAL_STATUSES = Set.of("success", "failed", "cancelled");
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final ServerSettings settings;

    public Api(ServerSettings settings) {
        this.settings = settings;
    }

    public int port() {
        return settings.port();
    }

    /** {@code localhost:<port>}, the host part of every hosted url. */
    public String hostingDomain() {
        return settings.hostingDomain();
    }

    public String bootstrapKey() {
        return settings.bootstrapKey().reveal();
    }

    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(settings.port());
    }

    public RequestSpecification as(String secret) {
        return anonymous().header("Authorization", "Bearer " + secret);
    }

    /** Authenticated with the bootstrap admin key of account {@code default}. */
    public RequestSpecification admin() {
        return as(bootstrapKey());
    }

    /** Authenticated with the operator token, for {@code /admin/**}. */
    public RequestSpecification operator() {
        return as(settings.operatorToken());
    }

    /** A request to the hosted site whose host is {@code <label>.<hosting domain>}. */
    public RequestSpecification site(String label) {
        return anonymous().header("Host", label + "." + hostingDomain());
    }

    /** A request to the host of a hosted url such as {@code http://dep_….localhost:1234}. */
    public RequestSpecification siteAt(String hostedUrl) {
        String prefix = "http://";
        assertThat(hostedUrl).startsWith(prefix).endsWith("." + hostingDomain());
        return anonymous().header("Host", hostedUrl.substring(prefix.length()));
    }

    public static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/projects} with a name and optional build settings; the reply, asserted 201. */
    public Response createProject(String secret, String name, String buildCommand, String outputDirectory) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (buildCommand != null) {
            body.put("build_command", buildCommand);
        }
        if (outputDirectory != null) {
            body.put("output_directory", outputDirectory);
        }
        Response created = as(secret).contentType(ContentType.JSON).body(json(body)).post("/v1/projects");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    /** {@code POST /v1/deployments} of {@code main}; the reply, asserted 201. */
    public Response deploy(String secret, String projectId, Map<String, String> envVars) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", projectId);
        body.put("branch", "main");
        if (!envVars.isEmpty()) {
            body.put("env_vars", envVars);
        }
        Response created = as(secret).contentType(ContentType.JSON).body(json(body)).post("/v1/deployments");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    public Response deployment(String secret, String id) {
        return as(secret).get("/v1/deployments/" + id);
    }

    /**
     * Waits until the deployment reaches a final status and returns that {@code GET}, so a
     * deployment that fails while a test waits for success fails the test at once, showing
     * its log, instead of timing out.
     */
    public Response awaitFinished(String secret, String id) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            await("deployment " + id + " to finish").atMost(DEPLOYMENT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Response current = deployment(secret, id);
                        last.set(current);
                        return current.statusCode() == 200
                                && FINAL_STATUSES.contains(current.<String>path("status"));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; last reply: " + (last.get() == null ? "none"
                    : last.get().statusCode() + " " + last.get().asString()) + "; its log: " + logMessages(secret, id),
                    e);
        }
        return last.get();
    }

    /** Waits for a final status and asserts it is {@code expected}, showing the log otherwise. */
    public Response awaitFinalStatus(String secret, String id, String expected) {
        Response finished = awaitFinished(secret, id);
        assertThat(finished.<String>path("status")).as("status of %s; its log: %s", id, logMessages(secret, id))
                .isEqualTo(expected);
        return finished;
    }

    /** Waits until the deployment shows {@code status} (e.g. {@code building}). */
    public void awaitStatus(String secret, String id, String status) {
        await("deployment " + id + " to be " + status).atMost(DEPLOYMENT_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(deployment(secret, id).path("status")));
    }

    /** Every log line of a deployment, read through {@code GET /v1/deployments/{id}/logs}. */
    public List<LogLine> logs(String secret, String id) {
        Response logs = as(secret).queryParam("limit", 1000).get("/v1/deployments/" + id + "/logs");
        assertThat(logs.statusCode()).as(logs.asString()).isEqualTo(200);
        List<Map<String, String>> data = logs.path("data");
        return data.stream().map(line -> new LogLine(line.get("timestamp"), line.get("level"), line.get("message")))
                .toList();
    }

    public List<String> logMessages(String secret, String id) {
        return logs(secret, id).stream().map(LogLine::message).toList();
    }

    /** One line of a deployment's log as v1 shows it. */
    public record LogLine(String timestamp, String level, String message) {
    }
}
