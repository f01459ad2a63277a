package dev.dotgit.adapter.rest.v1;

import dev.dotgit.adapter.rest.v1.support.InstrumentedAuthentication;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1TestPlatformFactory;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;

/**
 * Every v1 HTTP test that runs against the default configuration, on one embedded server:
 * each topic lives in its own {@code *Spec} class and is mounted here.
 */
@MicronautTest(environments = V1TestPlatformFactory.ENVIRONMENT)
class V1ApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TestPlatform platform;
    @Inject
    InstrumentedAuthentication authentication;

    V1Api api() {
        return new V1Api(server.getURI(), platform, authentication);
    }

    @Nested
    class Projects extends ProjectRoutesSpec {
        Projects() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class DeploymentCreation extends DeploymentCreationSpec {
        DeploymentCreation() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class DeploymentQueries extends DeploymentQueriesSpec {
        DeploymentQueries() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class DeploymentLifecycle extends DeploymentLifecycleSpec {
        DeploymentLifecycle() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class Authentication extends AuthenticationSpec {
        Authentication() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class Access extends AccessSpec {
        Access() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class HttpProtocol extends HttpProtocolSpec {
        HttpProtocol() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class ErrorLogging extends ErrorLoggingSpec {
        ErrorLogging() {
            super(V1ApiTest.this::api);
        }
    }

    @Nested
    class EnvVarSecrecy extends EnvVarSecrecySpec {
        EnvVarSecrecy() {
            super(V1ApiTest.this::api);
        }
    }
}
