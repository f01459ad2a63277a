package dev.dotgit.adapter.rest.v2.support;

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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One account of the test platform, with its admin key and helpers to set up its objects through v2. */
public record Tenant(V2Api api, AccountSlug slug, String adminKey) {

    private static final AtomicInteger NAMES = new AtomicInteger();

    public RequestSpecification admin() {
        return api.as(adminKey);
    }

    public String owner() {
        return slug.value();
    }

    /** A new secret key of this account with these scopes; returns the secret. */
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

    /**
     * Moves the platform's clock a second forward, so that objects created one after another
     * have distinct creation times and lists show them newest first in creation order.
     */
    public void tick() {
        api.platform().clock.advance(Duration.ofSeconds(1));
    }

    /** A unique repository name (3–30 characters). */
    public static String uniqueName(String base) {
        return base + "-" + NAMES.incrementAndGet();
    }

    /** {@code POST /v2/repositories}; the reply, asserted 201. */
    public Response createRepository(String name, boolean isPrivate) {
        tick();
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"owner\":\"%s\",\"private\":%s}".formatted(name, owner(), isPrivate))
                .post("/v2/repositories");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    public String createRepository(String name) {
        return createRepository(name, true).path("id");
    }

    /** {@code POST /v2/deployments} of {@code branch} of a repository to {@code env}; its id. */
    public String deploy(String repoId, String branch, String env) {
        tick();
        Response created = admin().contentType(ContentType.JSON)
                .body("{\"repo_id\":\"%s\",\"branch\":\"%s\",\"env\":\"%s\"}".formatted(repoId, branch, env))
                .post("/v2/deployments");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    public String deploy(String repoId) {
        return deploy(repoId, "main", "preview");
    }
}
