package dev.dotgit.application.port.out.contract;

import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import java.util.Objects;

/**
 * Every persistence out-port of one store, as the port contracts use them. An adapter team
 * extends a contract and answers {@code ports()} with its store's ports; the contract then
 * checks the behaviour the ports' javadoc promises.
 *
 * <p>What a contract expects of the store: it is empty when the test class starts and no other
 * test class writes to it at the same time. Tests within a class share it, so each test works
 * in an account of its own and asserts only on what it wrote.
 */
public record PersistencePorts(RunInTransactionPort transactions,
                               LoadAccountPort loadAccounts, SaveAccountPort saveAccounts,
                               LoadApiKeyPort loadApiKeys, SaveApiKeyPort saveApiKeys,
                               LoadProjectPort loadProjects, SaveProjectPort saveProjects,
                               LoadRepositoryPort loadRepositories, SaveRepositoryPort saveRepositories,
                               LoadDeploymentPort loadDeployments, SaveDeploymentPort saveDeployments,
                               DeleteDeploymentPort deleteDeployments,
                               AppendDeploymentLogPort appendLogs, LoadDeploymentLogPort loadLogs) {

    public PersistencePorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(loadAccounts, "loadAccounts");
        Objects.requireNonNull(saveAccounts, "saveAccounts");
        Objects.requireNonNull(loadApiKeys, "loadApiKeys");
        Objects.requireNonNull(saveApiKeys, "saveApiKeys");
        Objects.requireNonNull(loadProjects, "loadProjects");
        Objects.requireNonNull(saveProjects, "saveProjects");
        Objects.requireNonNull(loadRepositories, "loadRepositories");
        Objects.requireNonNull(saveRepositories, "saveRepositories");
        Objects.requireNonNull(loadDeployments, "loadDeployments");
        Objects.requireNonNull(saveDeployments, "saveDeployments");
        Objects.requireNonNull(deleteDeployments, "deleteDeployments");
        Objects.requireNonNull(appendLogs, "appendLogs");
        Objects.requireNonNull(loadLogs, "loadLogs");
    }

    /** For a store that implements every port in one object, as the in-memory fake does. */
    public static <S extends RunInTransactionPort & LoadAccountPort & SaveAccountPort & LoadApiKeyPort
            & SaveApiKeyPort & LoadProjectPort & SaveProjectPort & LoadRepositoryPort & SaveRepositoryPort
            & LoadDeploymentPort & SaveDeploymentPort & DeleteDeploymentPort & AppendDeploymentLogPort
            & LoadDeploymentLogPort> PersistencePorts allImplementedBy(S store) {
        return new PersistencePorts(store, store, store, store, store, store, store, store, store, store, store, store,
                store, store);
    }
}
