package dev.dotgit.adapter.rest.v2;

import dev.dotgit.adapter.rest.v2.support.FailingAuthentication;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2TestPlatformFactory;
import dev.dotgit.application.testing.TestPlatform;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;

/** Every v2 HTTP test, on one embedded server: each topic lives in its own {@code *Spec} class, mounted here. */
@MicronautTest(environments = V2TestPlatformFactory.ENVIRONMENT)
class V2ApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TestPlatform platform;
    @Inject
    FailingAuthentication authentication;

    V2Api api() {
        return new V2Api(server.getURI(), platform, authentication);
    }

    @Nested
    class Repositories extends RepositoryRoutesSpec {
        Repositories() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class Deployments extends DeploymentRoutesSpec {
        Deployments() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class Authentication extends AuthenticationSpec {
        Authentication() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class HttpProtocol extends HttpProtocolSpec {
        HttpProtocol() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class Previews extends PreviewRoutesSpec {
        Previews() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class UnexpectedFailures extends UnexpectedFailureSpec {
        UnexpectedFailures() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class LogStreams extends LogStreamSpec {
        LogStreams() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class Webhooks extends WebhookRoutesSpec {
        Webhooks() {
            super(V2ApiTest.this::api);
        }
    }

    @Nested
    class ServiceAccounts extends ServiceAccountRoutesSpec {
        ServiceAccounts() {
            super(V2ApiTest.this::api);
        }
    }
}
