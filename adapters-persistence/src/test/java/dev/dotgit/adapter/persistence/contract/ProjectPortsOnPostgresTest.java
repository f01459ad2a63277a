package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.application.port.out.contract.ProjectPortsContract;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectPortsOnPostgresTest extends ProjectPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.postgres();

    @Override
    protected PersistencePorts ports() {
        return STORE.ports();
    }
}
