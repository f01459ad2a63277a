package dev.dotgit.adapter.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.InstrumentedAuthentication;
import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1TestPlatformFactory;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With {@code dotgit.v1.sunset} set, every v1 response announces the retirement and points to v3. */
@MicronautTest(environments = V1TestPlatformFactory.ENVIRONMENT)
@Property(name = "dotgit.v1.sunset", value = "2027-01-01T00:00:00Z")
class SunsetHeadersTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TestPlatform platform;
    @Inject
    InstrumentedAuthentication authentication;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = new V1Api(server.getURI(), platform, authentication).newTenant();
    }

    private static void assertAnnounced(Response response, String successor) {
        assertThat(response.header("Api-Version")).isEqualTo("v1");
        assertThat(response.header("Deprecation")).isEqualTo("@1798761600");
        assertThat(response.header("Sunset")).isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
        assertThat(response.header("Link"))
                .isEqualTo("<http://localhost:8080" + successor + ">; rel=\"successor-version\"");
    }

    @Test
    void aResourceWithAV3CounterpartLinksToIt() {
        String projectId = tenant.createProject(Tenant.uniqueName("web"));
        String deploymentId = tenant.deploy(projectId);

        assertAnnounced(tenant.admin().get("/v1/projects"), "/v3/projects");
        assertAnnounced(tenant.admin().get("/v1/projects/" + projectId), "/v3/projects/" + projectId);
        assertAnnounced(tenant.admin().get("/v1/deployments/" + deploymentId), "/v3/deployments/" + deploymentId);
        assertAnnounced(tenant.admin().get("/v1/deployments/" + deploymentId + "/logs"),
                "/v3/deployments/" + deploymentId + "/logs");
    }

    @Test
    void aResourceWithoutOneLinksToTheV3ProjectList() {
        assertAnnounced(tenant.admin().get("/v1/deployments"), "/v3/projects");
    }

    @Test
    void errorsAreAnnouncedToo() {
        Response unauthenticated = tenant.api().anonymous().get("/v1/deployments/dep_0000000000");
        Response unknownRoute = tenant.admin().get("/v1/nothing-here");

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertAnnounced(unauthenticated, "/v3/deployments/dep_0000000000");
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertAnnounced(unknownRoute, "/v3/projects");
    }
}
