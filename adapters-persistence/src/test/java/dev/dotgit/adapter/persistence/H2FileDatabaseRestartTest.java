package dev.dotgit.adapter.persistence;

import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.persistence.testing.PersistenceContext;
import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLine;
import dev.dotgit.domain.project.Project;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's default store is an H2 file under the data directory: what it holds must survive a restart. */
class H2FileDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterItAndTheSchemaIsNotMigratedAgain() {
        String url = "jdbc:h2:file:" + dataDir.resolve("dotgit") + PersistenceContext.H2_OPTIONS;
        Account account;
        Project project;
        Deployment deployment;
        List<LogLine> logged;
        try (ApplicationContext first = PersistenceContext.start(url, "sa", "")) {
            PersistencePorts ports = PersistenceContext.portsOf(first);
            account = ports.saveAccounts().insert(anAccount().build());
            project = ports.saveProjects().insert(aProject().of(account.slug()).build());
            deployment = ports.saveDeployments().insert(aDeployment().of(project)
                    .envVars(Map.of("API_URL", "https://example.test")).build());
            logged = ports.appendLogs().append(deployment.id(), List.of(LogEntry.info(TestData.T0, "queued")));
        }

        try (ApplicationContext second = PersistenceContext.start(url, "sa", "")) {
            PersistencePorts ports = PersistenceContext.portsOf(second);
            assertThat(ports.loadAccounts().findBySlug(account.slug())).contains(account);
            assertThat(ports.loadProjects().findById(account.slug(), project.id())).contains(project);
            assertThat(ports.loadDeployments().findById(deployment.id())).contains(deployment);
            assertThat(ports.loadLogs().read(deployment.id(), LogRange.offset(0, 10)).items())
                    .containsExactlyElementsOf(logged);
            assertThat(ports.appendLogs().append(deployment.id(), List.of(LogEntry.info(TestData.T0, "resumed"))))
                    .extracting(LogLine::seq).containsExactly(2L);
        }
    }
}
