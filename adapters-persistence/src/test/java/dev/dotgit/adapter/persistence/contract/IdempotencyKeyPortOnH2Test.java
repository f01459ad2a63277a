package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.out.contract.IdempotencyKeyPortContract;
import dev.dotgit.application.port.out.contract.IdempotencyPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyKeyPortOnH2Test extends IdempotencyKeyPortContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Override
    protected IdempotencyPorts ports() {
        return PersistenceContext.idempotencyPortsOf(STORE.context());
    }
}
