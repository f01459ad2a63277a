package dev.dotgit.adapter.rest.v3.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.project.ProjectId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/** One account of the test platform, with its admin key and helpers to set up its objects through v3. */
public record Tenant(V3Api api, AccountSlug slug, String adminKey, String adminKeyId) {

    private static final AtomicInteger NAMES = new AtomicInteger();

    public RequestSpecification admin() {
        return api.as(adminKey);
    }

    /** A request with a JSON body, authenticated with the admin key. */
    public RequestSpecification adminJson(String body) {
        return admin().contentType(ContentType.JSON).body(body);
    }

    public String key(Scope... scopes) {
        return register(TestData.anApiKey().scopes(scopes));
    }

    public String keyRestrictedTo(ProjectId project, Scope... scopes) {
        return register(TestData.anApiKey().scopes(scopes).restrictedTo(project));
    }

    public String register(TestData.ApiKeyBuilder key) {
        SecretKey secret = SecretKey.generate();
        ApiKey built = key.of(slug).secret(secret).build();
        api.platform().register(built);
        return secret.reveal();
    }

    public static String uniqueName(String base) {
        return base + "-" + NAMES.incrementAndGet();
    }

    /** {@code POST /v3/projects}; returns its id. */
    public String createProject(String name) {
        Response created = adminJson("{\"name\":\"" + name + "\"}").post("/v3/projects");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    public String createProject() {
        return createProject(uniqueName("site"));
    }

    /** {@code POST /v3/projects/{id}/deployments} with this body; returns the deployment id. */
    public String deploy(String projectId, String body) {
        Response created = adminJson(body).post("/v3/projects/" + projectId + "/deployments");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    public String deploy(String projectId, Environment environment) {
        return deploy(projectId, "{\"environment\":\"" + environment.wireName() + "\"}");
    }

    public String deploy(String projectId) {
        return deploy(projectId, "{}");
    }
}
