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
}
