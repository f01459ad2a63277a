package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.aProject;
import static dev.dotgit.application.testing.TestData.aRepository;
import static dev.dotgit.application.testing.TestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.DeploymentInUse;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.Repository;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link RunInTransactionPort} over the other persistence ports of the same store. */
public abstract class TransactionPortContract {

    private PersistencePorts ports;
    private RunInTransactionPort transactions;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        ports = ports();
        transactions = ports.transactions();
    }

    @Test
    void theWorksWritesAreCommittedTogetherAndItsResultReturned() {
        Account account = anAccount().build();

        Project project = transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            return ports.saveProjects().insert(aProject().of(account.slug()).build());
        });

        assertThat(ports.loadAccounts().findBySlug(account.slug())).isPresent();
        assertThat(ports.loadProjects().findById(account.slug(), project.id())).contains(project);
    }

    @Test
    void workWithoutAResultCommitsToo() {
        Account account = anAccount().build();

        transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
        });

        assertThat(ports.loadAccounts().findBySlug(account.slug())).isPresent();
    }

    @Test
    void aFailureAfterTwoWritesLeavesNeitherAndReachesTheCallerUnchanged() {
        Account account = anAccount().build();
        Repository repository = aRepository().ownedBy(account.slug()).build();
        IllegalStateException failure = new IllegalStateException("the git repository could not be created");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            ports.saveRepositories().insert(repository);
            throw failure;
        })).isSameAs(failure);

        assertThat(ports.loadAccounts().findBySlug(account.slug())).isEmpty();
        assertThat(ports.loadRepositories().findById(account.slug(), repository.id())).isEmpty();
    }

    @Test
    void aDomainErrorThrownByTheWorkKeepsItsTypeAndRollsBack() {
        Account account = anAccount().build();
        DeploymentInUse refusal = new DeploymentInUse("dep_0123456789", "proj_0123456789");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            throw refusal;
        })).isSameAs(refusal);

        assertThat(ports.loadAccounts().findBySlug(account.slug())).isEmpty();
    }

    @Test
    void aPortsDomainErrorInsideTheWorkKeepsItsTypeAndUndoesEarlierWrites() {
        Account taken = ports.saveAccounts().insert(anAccount().build());
        Project earlier = aProject().of(taken.slug()).build();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ports.saveProjects().insert(earlier);
            return ports.saveAccounts().insert(anAccount().slug(taken.slug().value()).build());
        })).isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.resource()).isEqualTo("account"));

        assertThat(ports.loadProjects().findById(taken.slug(), earlier.id())).isEmpty();
        assertThat(ports.loadAccounts().findBySlug(taken.slug())).contains(taken);
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndDoesNotCommitOnItsOwn() {
        Account account = anAccount().build();
        Repository repository = aRepository().ownedBy(account.slug()).build();
        AtomicReference<Repository> insertedInside = new AtomicReference<>();
        IllegalStateException failure = new IllegalStateException("outer work failed after the inner one returned");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            insertedInside.set(transactions.inTransaction(() -> ports.saveRepositories().insert(repository)));
            throw failure;
        })).isSameAs(failure);

        assertThat(insertedInside.get()).isEqualTo(repository);
        assertThat(ports.loadRepositories().findById(account.slug(), repository.id())).isEmpty();
        assertThat(ports.loadAccounts().findBySlug(account.slug())).isEmpty();
    }

    @Test
    void aFailureInANestedTransactionPropagatesAndRollsBackTheOuterOne() {
        Account account = anAccount().build();
        NotFound failure = new NotFound("deployment", "dep_0123456789");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            return transactions.inTransaction(() -> {
                ports.saveProjects().insert(aProject().of(account.slug()).build());
                throw failure;
            });
        })).isSameAs(failure);

        assertThat(ports.loadAccounts().findBySlug(account.slug())).isEmpty();
    }

    @Test
    void aNestedFailureThatTheOuterWorkHandlesDoesNotUndoTheOuterWrites() {
        Account account = anAccount().build();
        NotFound handled = new NotFound("project", "proj_0123456789");

        String result = transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            try {
                transactions.inTransaction(() -> {
                    throw handled;
                });
            } catch (NotFound expected) {
                return "handled";
            }
            return "not thrown";
        });

        assertThat(result).isEqualTo("handled");
        assertThat(ports.loadAccounts().findBySlug(account.slug())).isPresent();
    }

    @Test
    void aNestedTransactionsWritesCommitWithTheOuterOne() {
        Account account = anAccount().build();
        Repository repository = aRepository().ownedBy(account.slug()).build();

        transactions.inTransaction(() -> {
            ports.saveAccounts().insert(account);
            return transactions.inTransaction(() -> ports.saveRepositories().insert(repository));
        });

        assertThat(ports.loadRepositories().findById(account.slug(), repository.id())).contains(repository);
        assertThat(ports.loadAccounts().findBySlug(account.slug())).isPresent();
    }
}
