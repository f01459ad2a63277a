package dev.dotgit.adapter.rest.v1.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.project.ProjectId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account of the test platform, with its admin key and helpers to set up its objects
 * through v1.
 *
 * @param adminKeyId the id of the admin key, which v1 shows as {@code cancelled_by}
 */
public record Tenant(V1Api api, AccountSlug slug, String adminKey, String adminKeyId) {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A request authenticated with this account's admin key. */
    public RequestSpecification admin() {
        return api.as(adminKey);
    }

    /** A new secret key of this account with these scopes; returns the secret. */
    public String key(Scope... scopes) {
        return register(TestData.anApiKey().scopes(scopes));
    }

    /** A new key of this account limited to one project. */
    public String keyRestrictedTo(ProjectId project, Scope... scopes) {
        return register(TestData.anApiKey().scopes(scopes).restrictedTo(project));
    }

    /** Registers the key built so far (for this account) and returns its secret. */
    public String register(TestData.ApiKeyBuilder key) {
        SecretKey secret = SecretKey.generate();
        ApiKey built = key.of(slug).secret(secret).build();
        api.platform().register(built);
        return secret.reveal();
    }

    /** A unique project name, valid for v1 (3–30 characters). */
    public static String uniqueName(String base) {
        return base + "-" + NAMES.incrementAndGet();
    }

    /** Creates a project through {@code POST /v1/projects} and returns its id. */
    public String createProject(String name) {
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}")
                .post("/v1/projects");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    /** Triggers a deployment of {@code branch} to {@code environment} through {@code POST /v1/deployments}. */
    public String deploy(String projectId, String branch, String environment) {
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"project_id\":\"%s\",\"branch\":\"%s\",\"environment\":\"%s\"}"
                        .formatted(projectId, branch, environment))
                .post("/v1/deployments");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    public String deploy(String projectId) {
        return deploy(projectId, "main", "production");
    }
}
