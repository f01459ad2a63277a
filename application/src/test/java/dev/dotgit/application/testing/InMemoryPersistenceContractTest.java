package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.contract.AccountPortsContract;
import dev.dotgit.application.port.out.contract.ApiKeyPortsContract;
import dev.dotgit.application.port.out.contract.DeploymentLogPortsContract;
import dev.dotgit.application.port.out.contract.DeploymentPortsContract;
import dev.dotgit.application.port.out.contract.IdempotencyKeyPortContract;
import dev.dotgit.application.port.out.contract.IdempotencyPorts;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import dev.dotgit.application.port.out.contract.ProjectPortsContract;
import dev.dotgit.application.port.out.contract.RepositoryPortsContract;
import dev.dotgit.application.port.out.contract.TransactionPortContract;
import dev.dotgit.application.port.out.contract.WebhookPorts;
import dev.dotgit.application.port.out.contract.WebhookPortsContract;
import dev.dotgit.application.port.out.contract.AccessTokenPortsContract;
import dev.dotgit.application.port.out.contract.ServiceAccountPorts;
import dev.dotgit.application.port.out.contract.ServiceAccountPortsContract;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import org.junit.jupiter.api.Nested;

/**
 * The fake every use-case test relies on honours the same port contracts as the database
 * adapter. Each test gets a fresh store.
 */
class InMemoryPersistenceContractTest {

    private final InMemoryPersistence store = new InMemoryPersistence();

    private PersistencePorts ports() {
        return PersistencePorts.allImplementedBy(store);
    }

    @Nested
    class Accounts extends AccountPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class Repositories extends RepositoryPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class Projects extends ProjectPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class Deployments extends DeploymentPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class DeploymentLogs extends DeploymentLogPortsContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class Webhooks extends WebhookPortsContract {
        @Override
        protected WebhookPorts ports() {
            return WebhookPorts.allImplementedBy(store);
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeyPortContract {
        @Override
        protected IdempotencyPorts ports() {
            return IdempotencyPorts.allImplementedBy(store);
        }
    }

    @Nested
    class Transactions extends TransactionPortContract {
        @Override
        protected PersistencePorts ports() {
            return InMemoryPersistenceContractTest.this.ports();
        }
    }

    @Nested
    class ServiceAccounts extends ServiceAccountPortsContract {
        private final InMemoryServiceAccounts serviceAccounts = new InMemoryServiceAccounts();

        @Override
        protected ServiceAccountPorts ports() {
            return ServiceAccountPorts.allImplementedBy(serviceAccounts);
        }
    }

    /** The core's test tokens keep the contract of the real (JWT) tokens, so tests of the core mean something. */
    @Nested
    class AccessTokens extends AccessTokenPortsContract {
        private final HmacAccessTokens tokens = new HmacAccessTokens();

        @Override
        protected SignAccessTokenPort signer() {
            return tokens;
        }

        @Override
        protected VerifyAccessTokenPort verifier() {
            return tokens;
        }
    }
}
