package dev.dotgit.adapter.rest.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.annotation.Property;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "test.operator-token", value = AdminAccountsTest.TOKEN)
class AdminAccountsTest {

    static final String TOKEN = "op-secret-123";

    @Inject
    EmbeddedServer server;
    @Inject
    TestPlatform platform;

    @BeforeEach
    void pointRestAssuredAtServer() {
        RestAssured.port = server.getPort();
    }

    private io.restassured.specification.RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    @Test
    void createsAnAccountWithAnAdminKeyThatAuthenticates() {
        Response reply = operator().body("{\"slug\":\"acme\",\"plan\":\"starter\"}").post("/admin/accounts");
        reply.then().statusCode(201)
                .body("slug", equalTo("acme"))
                .body("plan", equalTo("starter"))
                .body("public_key", matchesPattern("gpk_live_[0-9A-Za-z]{36}"))
                .body("api_key.id", matchesPattern("key_[0-9a-z]{10}"))
                .body("api_key.secret", matchesPattern("gsk_live_[0-9A-Za-z]{36}"))
                .body("api_key.scopes", equalTo(java.util.List.of("deploy:admin")));
        assertThat(reply.jsonPath().getMap("").keySet()).containsExactly("slug", "plan", "public_key", "api_key");

        Caller caller = platform.authenticateCaller.authenticate(reply.jsonPath().getString("api_key.secret"));
        assertThat(caller.account().value()).isEqualTo("acme");
        assertThat(caller.has(Scope.ADMIN)).isTrue();
    }

    @Test
    void aTakenSlugIsAConflict() {
        operator().body("{\"slug\":\"dupe\",\"plan\":\"free\"}").post("/admin/accounts").then().statusCode(201);
        operator().body("{\"slug\":\"dupe\",\"plan\":\"free\"}").post("/admin/accounts").then().statusCode(409)
                .body("error.code", equalTo("already_exists"))
                .body("error.details.field", equalTo("slug"));
    }

    @Test
    void patchChangesThePlanAndCustomRateLimitWithoutRestart() {
        operator().body("{\"slug\":\"grow\",\"plan\":\"free\"}").post("/admin/accounts").then().statusCode(201);

        operator().body("{\"plan\":\"enterprise\"}").patch("/admin/accounts/grow").then().statusCode(200)
                .body("plan", equalTo("enterprise"))
                .body("rate_limit.per_minute", equalTo(6000))
                .body("rate_limit.burst", equalTo(200))
                .body("rate_limit.custom", equalTo(false));

        operator().body("{\"rate_limit\":{\"per_minute\":5,\"burst\":2}}").patch("/admin/accounts/grow")
                .then().statusCode(200)
                .body("plan", equalTo("enterprise"))
                .body("rate_limit.per_minute", equalTo(5))
                .body("rate_limit.custom", equalTo(true));

        operator().body("{\"rate_limit\":null}").patch("/admin/accounts/grow").then().statusCode(200)
                .body("rate_limit.per_minute", equalTo(6000))
                .body("rate_limit.custom", equalTo(false));
    }

    @Test
    void invalidValuesNameTheField() {
        operator().body("{\"slug\":\"Not A Slug\"}").post("/admin/accounts").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.details.field", equalTo("slug"))
                .body("error.request_id", nullValue());
        operator().body("{\"slug\":\"okay\",\"plan\":\"gold\"}").post("/admin/accounts").then().statusCode(400)
                .body("error.details.field", equalTo("plan"))
                .body("error.message", equalTo("plan: Must be one of: free, starter, pro, enterprise"));
        operator().body("{\"slug\":\"okay\",\"rate_limit\":{\"per_minute\":\"many\",\"burst\":1}}")
                .post("/admin/accounts").then().statusCode(400)
                .body("error.details.field", equalTo("rate_limit.per_minute"));
        operator().body("{\"slug\":\"okay\",\"rate_limit\":{\"per_minute\":0,\"burst\":1}}")
                .post("/admin/accounts").then().statusCode(400)
                .body("error.details.field", equalTo("rate_limit.per_minute"));
        operator().body("{\"slug\":").post("/admin/accounts").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"));
        operator().body("[1,2]").post("/admin/accounts").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"));
        operator().body("{\"plan\":\"pro\"}").patch("/admin/accounts/nobody").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void theOperatorTokenIsRequiredAndCompared() {
        given().contentType(ContentType.JSON).body("{\"slug\":\"x1\"}").post("/admin/accounts").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("missing_operator_token"));
        given().header("Authorization", "Bearer wrong").header("X-Request-Id", "req_test123")
                .contentType(ContentType.JSON).body("{\"slug\":\"x1\"}").post("/admin/accounts").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("error.code", equalTo("invalid_operator_token"))
                .body("error.request_id", equalTo("req_test123"));
        // An account's own admin key is not an operator token.
        String accountKey = platform.newAccount("keyholder").secret().reveal();
        given().header("Authorization", "Bearer " + accountKey).contentType(ContentType.JSON)
                .body("{\"slug\":\"x2\"}").post("/admin/accounts").then().statusCode(401);
    }

    @Test
    void frameworkErrorsUseTheAdminEnvelope() {
        operator().get("/admin/accounts").then().statusCode(405)
                .body("error.code", equalTo("method_not_allowed"));
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.TEXT).body("slug=x")
                .post("/admin/accounts").then().statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"));
        operator().get("/admin/nothing-here").then().statusCode(404).body("error.code", equalTo("not_found"));
        operator().body("{\"slug\":\"" + "x".repeat(1_100_000) + "\"}").post("/admin/accounts").then()
                .statusCode(413).body("error.code", equalTo("payload_too_large"));
    }

    @Test
    void theSecretIsNeverShownAgain() {
        Response created = operator().body("{\"slug\":\"secretive\"}").post("/admin/accounts");
        String secret = created.jsonPath().getString("api_key.secret");
        String patched = operator().body("{\"plan\":\"pro\"}").patch("/admin/accounts/secretive").asString();
        assertThat(patched).doesNotContain(secret).doesNotContain("\"secret\"");
    }
}
