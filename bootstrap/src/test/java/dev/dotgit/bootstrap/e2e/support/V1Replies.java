package dev.dotgit.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.golden.GoldenJson;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Checks of v1 replies: against the golden fixtures of {@code adapters-rest-v1} (shipped in its
 * test-jar), and for the headers every API response carries.
 */
public final class V1Replies {

    /** The fixtures are written for the default {@code localhost:8080}; a test server has its own port. */
    private static final String FIXTURE_HOST = "localhost:8080";

    private V1Replies() {
    }

    /**
     * Asserts that the body matches the fixture with the same rules as the v1 module's own tests,
     * after putting this server's {@code localhost:<port>} where the fixture says {@code localhost:8080}.
     */
    public static void assertGolden(String fixture, Response response, Api api, Map<String, String> variables) {
        assertGolden(fixture, response.asString(), api, variables);
    }

    public static void assertGolden(String fixture, String body, Api api, Map<String, String> variables) {
        String expected = GoldenJson.fixture(fixture).replace(FIXTURE_HOST, api.hostingDomain());
        GoldenJson.assertMatchesJson(expected, body, variables, fixture + " (on " + api.hostingDomain() + ")");
    }

    public static void assertGolden(String fixture, Response response, Api api) {
        assertGolden(fixture, response, api, Map.of());
    }

    /**
     * CONTRACT §2.4 and §2.7: a minted request id (none was sent), no caching, no sniffing and
     * the API version, on successes and errors alike.
     */
    public static void assertApiHeaders(Response response) {
        assertApiHeaders(response::header);
    }

    /** As {@link #assertApiHeaders(Response)}, for a reply read with {@code java.net.http}. */
    public static void assertApiHeaders(java.net.http.HttpResponse<?> response) {
        assertApiHeaders(name -> response.headers().firstValue(name).orElse(null));
    }

    private static void assertApiHeaders(UnaryOperator<String> header) {
        assertThat(header.apply("X-Request-Id")).as("X-Request-Id").matches("req_[0-9a-z]{10}");
        assertHardeningHeaders(header);
    }

    /** As {@link #assertApiHeaders(Response)}, for a request that sent its own {@code X-Request-Id}. */
    public static void assertApiHeaders(Response response, String sentRequestId) {
        assertThat(response.header("X-Request-Id")).as("X-Request-Id").isEqualTo(sentRequestId);
        assertHardeningHeaders(response::header);
    }

    private static void assertHardeningHeaders(UnaryOperator<String> header) {
        assertThat(header.apply("Cache-Control")).as("Cache-Control").isEqualTo("no-store");
        assertThat(header.apply("X-Content-Type-Options")).as("X-Content-Type-Options").isEqualTo("nosniff");
        assertThat(header.apply("Content-Security-Policy")).as("Content-Security-Policy")
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(header.apply("X-Frame-Options")).as("X-Frame-Options").isEqualTo("DENY");
        assertThat(header.apply("Referrer-Policy")).as("Referrer-Policy").isEqualTo("no-referrer");
        assertThat(header.apply("Api-Version")).as("Api-Version").isEqualTo("v1");
        assertThat(header.apply("Content-Type")).as("Content-Type").startsWith("application/json");
    }
}
