package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.application.port.out.contract.AccountPortsContract;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountPortsOnH2Test extends AccountPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Override
    protected PersistencePorts ports() {
        return STORE.ports();
    }
}
