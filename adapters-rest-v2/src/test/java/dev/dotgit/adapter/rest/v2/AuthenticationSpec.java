package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.apikey.PublicKey;
import dev.dotgit.domain.apikey.Scope;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every v2 route needs a secret key in {@code Authorization: Bearer}; each refusal is a v2 401 with its challenge. */
abstract class AuthenticationSpec extends V2Spec {

    private static final String[] ROUTES = {"/v2/repositories", "/v2/deployments", "/v2/repositories/repo_0000000000",
        "/v2/deployments/dep_0000000000"};

    AuthenticationSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static void assertRefused(Response refused, String fixture, String challenge) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(refused.header("Api-Version")).isEqualTo("v2");
        assertMatches(fixture, refused.asString(), Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void noKeyIsMissingApiKey() {
        for (String route : ROUTES) {
            assertRefused(api.anonymous().get(route), "errors/missing-api-key.json", "Bearer");
        }
        assertRefused(api.anonymous().post("/v2/deployments"), "errors/missing-api-key.json", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsk_live_nope", "gsk_live_000000000000000000000000000000000000", "Basic abc"})
    void aBadKeyIsInvalidApiKey(String credential) {
        Response refused = api.anonymous().header("Authorization",
                credential.startsWith("Basic") ? credential : "Bearer " + credential).get("/v2/repositories");

        if (credential.startsWith("Basic")) {
            assertRefused(refused, "errors/missing-api-key.json", "Bearer");
        } else {
            assertRefused(refused, "errors/invalid-api-key.json", "Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void anExpiredKeySaysSo() {
        String expired = tenant.register(TestData.anApiKey().scopes(Scope.ADMIN)
                .expiresAt(platform.clock.instant().minusSeconds(60)));

        assertRefused(api.as(expired).get("/v2/repositories"), "errors/expired-api-key.json",
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void aPublicKeyNeverAuthenticates() {
        assertRefused(api.as(PublicKey.generate().value()).get("/v2/deployments"), "errors/public-key.json",
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void aKeyInTheQueryStringIsNotAccepted() {
        Response refused = api.anonymous().queryParam("api_key", tenant.adminKey()).get("/v2/repositories");

        assertRefused(refused, "errors/missing-api-key.json", "Bearer");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        Response listed = api.anonymous().header("Authorization", "bearer " + tenant.adminKey())
                .get("/v2/repositories");

        assertThat(listed.statusCode()).isEqualTo(200);
    }
}
