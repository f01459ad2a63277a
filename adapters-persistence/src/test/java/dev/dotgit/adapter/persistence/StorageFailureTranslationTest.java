package dev.dotgit.adapter.persistence;

import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.anAccount;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import dev.dotgit.application.port.out.deployment.DeploymentQuery;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.error.StorageUnavailable;
import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the database fails, callers get the domain's StorageUnavailable with the technical
 * cause attached for the log, never a JDBC or Micronaut exception.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageFailureTranslationTest {

    @RegisterExtension
    static final DatabaseStore STORE = DatabaseStore.h2();

    @Test
    @Order(1)
    void aStatementTheDatabaseRejectsIsStorageUnavailableWithItsCause() throws SQLException {
        PersistencePorts ports = STORE.ports();
        Deployment deployment = ports.saveDeployments().insert(aDeployment().ofAccount(anAccountSlug()).build());
        PersistenceContext.execute(STORE.context(), "drop table deployment_log_lines");

        assertStorageUnavailable(() -> ports.appendLogs().append(deployment.id(), List.of(LogEntry.info(
                deployment.createdAt(), "lost"))));
        assertStorageUnavailable(() -> ports.loadLogs().read(deployment.id(), LogRange.after(0, 10)));
        assertStorageUnavailable(() -> ports.transactions().inTransaction(() -> ports.appendLogs().append(
                deployment.id(), List.of(LogEntry.info(deployment.createdAt(), "lost")))));
    }

    @Test
    @Order(2)
    void everyPortAnswersStorageUnavailableOnceTheConnectionPoolIsGone() throws IOException {
        PersistencePorts ports = STORE.ports();
        Deployment deployment = aDeployment().ofAccount(anAccountSlug()).build();
        ((Closeable) PersistenceContext.pool(STORE.context())).close();

        assertStorageUnavailable(() -> ports.transactions().inTransaction(() -> "never runs"));
        assertStorageUnavailable(() -> ports.loadAccounts().anyAccountExists());
        assertStorageUnavailable(() -> ports.saveAccounts().insert(anAccount().build()));
        assertStorageUnavailable(() -> ports.loadApiKeys().findBySecretHash(SecretKey.generate().hash()));
        assertStorageUnavailable(() -> ports.loadDeployments().findById(DeploymentId.generate()));
        assertStorageUnavailable(() -> ports.loadDeployments().list(DeploymentQuery.allOf(anAccountSlug()),
                PageRequest.offset(0, 10)));
        assertStorageUnavailable(() -> ports.saveDeployments().insert(deployment));
        assertStorageUnavailable(() -> ports.saveDeployments().update(deployment));
        assertStorageUnavailable(() -> ports.deleteDeployments().delete(deployment));
    }

    private static void assertStorageUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageUnavailable.class, e -> {
            assertThat(e.getCause()).isNotNull();
            assertThat(e.getMessage()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("insert")
                    .doesNotContain("jdbc").doesNotContain("Exception");
        });
    }
}
