package dev.dotgit.adapter.rest.v3;

import dev.dotgit.adapter.rest.v3.support.InstrumentedAuthentication;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3TestPlatformFactory;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;

/** Every v3 HTTP test, on one embedded server: each topic lives in its own {@code *Spec} class and is mounted here. */
@MicronautTest(environments = V3TestPlatformFactory.ENVIRONMENT)
class V3ApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TestPlatform platform;
    @Inject
    InstrumentedAuthentication authentication;

    V3Api api() {
        return new V3Api(server.getURI(), platform, authentication);
    }

    @Nested
    class Projects extends ProjectRoutesSpec {
        Projects() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Deployments extends DeploymentRoutesSpec {
        Deployments() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Logs extends LogRoutesSpec {
        Logs() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class LogStream extends LogStreamSpec {
        LogStream() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Pagination extends PaginationSpec {
        Pagination() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Validation extends ValidationSpec {
        Validation() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Protocol extends HttpProtocolSpec {
        Protocol() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class ApiKeys extends ApiKeyRoutesSpec {
        ApiKeys() {
            super(V3ApiTest.this::api);
        }
    }

    @Nested
    class Webhooks extends WebhookRoutesSpec {
        Webhooks() {
            super(V3ApiTest.this::api);
        }
    }
}
