package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.apikey.SecretKey;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** CONTRACT §2.1 on v1: bearer secret keys only, and every refusal a 401 with a challenge. */
abstract class AuthenticationSpec extends V1Spec {

    AuthenticationSpec(Supplier<V1Api> server) {
        super(server);
    }

    private static void assertChallenge(Response response, String challenge) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(response.header("Api-Version")).isEqualTo("v1");
    }

    @Test
    void aRequestWithoutAKeyIsMissingApiKey() {
        Response refused = api.anonymous().get("/v1/projects");

        assertChallenge(refused, "Bearer");
        assertMatches("errors/missing-api-key.json", refused.asString());
    }

    @Test
    void aMalformedKeyIsInvalid() {
        Response refused = api.as("gsk_live_not-a-real-key").get("/v1/projects");

        assertChallenge(refused, "Bearer error=\"invalid_token\"");
        assertMatches("errors/invalid-api-key.json", refused.asString());
    }

    @Test
    void aWellFormedKeyNobodyIssuedIsInvalid() {
        Response refused = api.as(SecretKey.generate().reveal()).get("/v1/projects");

        assertChallenge(refused, "Bearer error=\"invalid_token\"");
        assertMatches("errors/invalid-api-key.json", refused.asString());
    }

    @Test
    void anExpiredKeyIsInvalidAndSaysWhy() {
        String expired = tenant.register(TestData.anApiKey().expiresAt(TestData.T0.minusSeconds(1)));

        Response refused = api.as(expired).get("/v1/projects");

        assertChallenge(refused, "Bearer error=\"invalid_token\"");
        assertMatches("errors/expired-api-key.json", refused.asString());
    }

    @Test
    void aRevokedKeyIsInvalidAndSaysWhy() {
        SecretKey secret = SecretKey.generate();
        platform.register(TestData.anApiKey().of(tenant.slug()).secret(secret).build().revoke(TestData.T0));

        Response refused = api.as(secret.reveal()).get("/v1/projects");

        assertChallenge(refused, "Bearer error=\"invalid_token\"");
        assertMatches("errors/expired-api-key.json", refused.asString());
    }

    @Test
    void aPublicKeyNeverAuthenticates() {
        String publicKey = platform.store.findBySlug(tenant.slug()).orElseThrow().publicKey().value();

        Response refused = api.as(publicKey).get("/v1/projects");

        assertChallenge(refused, "Bearer error=\"invalid_token\"");
        assertMatches("errors/public-key.json", refused.asString());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(api.anonymous().header("Authorization", "bearer " + tenant.adminKey()).get("/v1/projects")
                .statusCode()).isEqualTo(200);
        assertThat(api.anonymous().header("Authorization", "BEARER  " + tenant.adminKey()).get("/v1/projects")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyOutsideTheBearerHeaderIsNeverAccepted() {
        assertChallenge(api.anonymous().queryParam("api_key", tenant.adminKey()).get("/v1/projects"), "Bearer");
        assertChallenge(api.anonymous().queryParam("access_token", tenant.adminKey()).get("/v1/projects"), "Bearer");
        assertChallenge(api.anonymous().header("Authorization", "Basic " + tenant.adminKey()).get("/v1/projects"),
                "Bearer");
        assertChallenge(api.anonymous().header("Authorization", "Bearer").get("/v1/projects"), "Bearer");
    }

    static Stream<Arguments> everyRoute() {
        return Stream.of(
                Arguments.of("GET", "/v1/projects"),
                Arguments.of("POST", "/v1/projects"),
                Arguments.of("GET", "/v1/projects/proj_0000000000"),
                Arguments.of("POST", "/v1/projects/proj_0000000000/deployments"),
                Arguments.of("POST", "/v1/deployments"),
                Arguments.of("GET", "/v1/deployments"),
                Arguments.of("GET", "/v1/deployments/dep_0000000000"),
                Arguments.of("POST", "/v1/deployments/dep_0000000000/cancel"),
                Arguments.of("DELETE", "/v1/deployments/dep_0000000000"),
                Arguments.of("GET", "/v1/deployments/dep_0000000000/logs"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void everyRouteNeedsAKey(String method, String path) {
        RequestSpecification request = api.anonymous();
        if (method.equals("POST")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }

        Response refused = request.request(method, path);

        assertChallenge(refused, "Bearer");
        assertThat(refused.<String>path("error.code")).isEqualTo("missing_api_key");
    }

    @Test
    void authenticationNeverRunsOnTheEventLoop() {
        api.authentication().clear();

        tenant.admin().get("/v1/projects");
        api.as(SecretKey.generate().reveal()).get("/v1/deployments");

        assertThat(api.authentication().threadNames()).hasSize(2)
                .noneMatch(name -> name.toLowerCase().contains("eventloop"));
    }
}
