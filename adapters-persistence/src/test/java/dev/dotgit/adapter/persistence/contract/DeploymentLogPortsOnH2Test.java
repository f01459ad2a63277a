package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.application.port.out.contract.DeploymentLogPortsContract;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeploymentLogPortsOnH2Test extends DeploymentLogPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Override
    protected PersistencePorts ports() {
        return STORE.ports();
    }
}
