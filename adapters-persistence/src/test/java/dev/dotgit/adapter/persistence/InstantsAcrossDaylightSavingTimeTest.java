package dev.dotgit.adapter.persistence;

import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.aRepository;
import static dev.dotgit.application.testing.TestData.anAccount;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.persistence.testing.DatabaseStore;
import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import dev.dotgit.application.port.out.deployment.DeploymentQuery;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.Repository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instants come back exactly whatever time zone the database session is in (by default the
 * JVM's). The hard case is a zone with daylight saving time and an instant in the autumn hour
 * that happens twice: in New York, 01:30 on 2026-11-01 is both 05:30Z and 06:30Z.
 */
class InstantsAcrossDaylightSavingTimeTest {

    private static final String SESSION_IN_NEW_YORK = "SET TIME ZONE 'America/New_York'";
    private static final Instant FIRST_0130 = Instant.parse("2026-11-01T05:30:00.120Z");
    private static final Instant SECOND_0130 = Instant.parse("2026-11-01T06:30:00.340Z");

    @RegisterExtension
    static final DatabaseStore H2 = DatabaseStore.h2()
            .with("datasources.default.connection-init-sql", SESSION_IN_NEW_YORK);
    @RegisterExtension
    static final DatabaseStore POSTGRES = DatabaseStore.postgres()
            .with("datasources.default.connection-init-sql", SESSION_IN_NEW_YORK);

    @Test
    void onH2() throws SQLException {
        assertSessionIsInNewYork(H2);
        assertEveryInstantRoundTrips(H2.ports());
    }

    @Test
    void onPostgres() throws SQLException {
        assertSessionIsInNewYork(POSTGRES);
        assertEveryInstantRoundTrips(POSTGRES.ports());
    }

    private static void assertEveryInstantRoundTrips(PersistencePorts ports) {
        Account account = ports.saveAccounts().insert(anAccount().createdAt(SECOND_0130).build());
        assertThat(ports.loadAccounts().findBySlug(account.slug())).contains(account);

        ApiKey key = anApiKey().of(account.slug()).expiresAt(SECOND_0130).build().revoke(FIRST_0130);
        ports.saveApiKeys().insert(key);
        assertThat(ports.loadApiKeys().findBySecretHash(key.secretHash())).contains(key);

        Repository repository = ports.saveRepositories().insert(aRepository().ownedBy(account.slug())
                .createdAt(SECOND_0130).build());
        assertThat(ports.loadRepositories().findById(account.slug(), repository.id())).contains(repository);

        Project project = ports.saveProjects().insert(aProject().connectedTo(repository).createdAt(SECOND_0130)
                .build());
        Deployment deployment = ports.saveDeployments().insert(aDeployment().of(project).createdAt(SECOND_0130)
                .build());
        Project live = ports.saveProjects().update(project.recordLive(deployment.id(), true, SECOND_0130));
        assertThat(ports.loadProjects().findById(account.slug(), project.id())).contains(live);

        Deployment finished = ports.saveDeployments().update(deployment.startBuilding(SECOND_0130)
                .fail(SECOND_0130.plusMillis(1), "failed"));
        assertThat(ports.loadDeployments().findById(deployment.id())).contains(finished);

        ports.appendLogs().append(deployment.id(), List.of(LogEntry.info(SECOND_0130, "at the second 01:30")));
        assertThat(ports.loadLogs().read(deployment.id(), LogRange.offset(0, 1)).items())
                .extracting(line -> line.timestamp()).containsExactly(SECOND_0130);

        Deployment earlier = ports.saveDeployments().insert(aDeployment().of(project).createdAt(FIRST_0130).build());
        assertThat(ports.loadDeployments().list(DeploymentQuery.allOf(account.slug()),
                PageRequest.after(new ListPosition(SECOND_0130, deployment.id().value()), 10)).items())
                .containsExactly(earlier);
    }

    /** Without this, the test would pass for the wrong reason in a JVM and database set to UTC. */
    private static void assertSessionIsInNewYork(DatabaseStore store) throws SQLException {
        try (Connection connection = PersistenceContext.pool(store.context()).getConnection();
             Statement statement = connection.createStatement();
             ResultSet local = statement.executeQuery(
                     "select cast(cast(timestamp with time zone '2026-11-01 06:30:00+00' as timestamp) as varchar(40))")) {
            local.next();
            assertThat(local.getString(1)).startsWith("2026-11-01 01:30");
        }
    }
}
