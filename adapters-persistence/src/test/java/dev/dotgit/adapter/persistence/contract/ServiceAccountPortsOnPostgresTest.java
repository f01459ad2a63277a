package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.out.contract.ServiceAccountPorts;
import dev.dotgit.application.port.out.contract.ServiceAccountPortsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceAccountPortsOnPostgresTest extends ServiceAccountPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.postgres();

    @Override
    protected ServiceAccountPorts ports() {
        return PersistenceContext.serviceAccountPortsOf(STORE.context());
    }
}
