package dev.dotgit.adapter.persistence.contract;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.out.contract.WebhookPorts;
import dev.dotgit.application.port.out.contract.WebhookPortsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookPortsOnH2Test extends WebhookPortsContract {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Override
    protected WebhookPorts ports() {
        return PersistenceContext.webhookPortsOf(STORE.context());
    }
}
