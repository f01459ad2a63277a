package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dotgit.adapter.rest.v2.support.LogCapture;
import dev.dotgit.adapter.rest.v2.support.RawUpgrade;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.domain.error.StorageUnavailable;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A use case failing unexpectedly is a v2 500 that reveals nothing of the cause and is logged
 * once with the request id; storage down is a 503. Also before a log-stream upgrade.
 */
abstract class UnexpectedFailureSpec extends V2Spec {

    UnexpectedFailureSpec(Supplier<V2Api> server) {
        super(server);
    }

    @Test
    void anUnexpectedFailureIsAGeneric500LoggedOnceWithTheRequestId() {
        try (LogCapture logs = new LogCapture()) {
            api.authentication().failNextWith(new IllegalStateException("secret internals: jdbc:h2:/data"));
            Response failed = tenant.admin().header("X-Request-Id", "req_unexpected01").get("/v2/repositories");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.header("Api-Version")).isEqualTo("v2");
            assertMatches("errors/internal-error.json", failed.asString(), Map.of("request_id", "req_unexpected01"));
            assertThat(failed.asString()).doesNotContain("secret internals", "IllegalStateException");
            assertThat(logs.errors()).hasSize(1);
            ILoggingEvent logged = logs.errors().get(0);
            assertThat(logged.getFormattedMessage()).contains("req_unexpected01");
            assertThat(logged.getThrowableProxy().getMessage()).contains("secret internals");
        }
    }

    @Test
    void storageDownIsA503() {
        api.authentication().failNextWith(new StorageUnavailable("reading keys", new RuntimeException("down")));

        Response failed = tenant.admin().get("/v2/deployments");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertMatches("errors/service-unavailable.json", failed.asString(),
                Map.of("request_id", failed.header("X-Request-Id")));
    }

    @Test
    void anUnexpectedFailureBeforeAnUpgradeIsAGeneric500Too() {
        String id = tenant.deploy(tenant.createRepository(dev.dotgit.adapter.rest.v2.support.Tenant.uniqueName("f")));
        api.authentication().failNextWith(new IllegalStateException("boom"));

        RawUpgrade.Reply refused = RawUpgrade.send(api.server(), "/v2/deployments/" + id + "/logs",
                "Bearer " + tenant.adminKey());

        assertThat(refused.status()).isEqualTo(500);
        assertMatches("errors/internal-error.json", refused.body(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }
}
