package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.out.contract.ServiceAccountPorts;
import dev.dotgit.application.port.out.contract.ServiceAccountPortsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceAccountPortsOnH2Test extends ServiceAccountPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Override
    protected ServiceAccountPorts ports() {
        return PersistenceContext.serviceAccountPortsOf(STORE.context());
    }
}
