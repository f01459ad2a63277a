package dev.dotgit.application.service.repository;

import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryName;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates a repository and the project connected to it, as one unit: the git repository is
 * written first (under a fresh id nobody else can see), then both rows in one transaction.
 * If the transaction fails (a name taken by a concurrent request, the database down), the
 * git repository is removed again, so nothing half-made remains.
 */
public final class RepositoryProvisioning {

    public record Provisioned(Repository repository, Project project) {
    }

    private final RunInTransactionPort transactions;
    private final LoadRepositoryPort repositories;
    private final SaveRepositoryPort saveRepositories;
    private final LoadProjectPort projects;
    private final SaveProjectPort saveProjects;
    private final SourceRepositoryPort sources;
    private final Clock clock;

    public RepositoryProvisioning(RunInTransactionPort transactions, LoadRepositoryPort repositories,
                                  SaveRepositoryPort saveRepositories, LoadProjectPort projects,
                                  SaveProjectPort saveProjects, SourceRepositoryPort sources, Clock clock) {
        this.transactions = transactions;
        this.repositories = repositories;
        this.saveRepositories = saveRepositories;
        this.projects = projects;
        this.saveProjects = saveProjects;
        this.sources = sources;
        this.clock = clock;
    }

    public Provisioned provision(AccountSlug owner, RepositoryName name, boolean isPrivate,
                                 Optional<String> description, Optional<String> framework,
                                 BuildSettings buildSettings) {
        // Checked before touching disk so the common conflict costs no git work; the unique
        // indexes behind insert() still decide a race between two concurrent creates.
        requireNamesFree(owner, name);
        var now = Timestamps.now(clock);
        Repository created = Repository.create(owner, name, isPrivate, description.orElse(null), now);
        sources.initialize(created.id(), InitialContent.forRepository(created, now));
        try {
            return transactions.inTransaction(() -> {
                Repository repository = saveRepositories.insert(created.ready());
                Project project = saveProjects.insert(Project.create(owner, name, framework.orElse(null),
                        repository.id(), buildSettings, now));
                return new Provisioned(repository, project);
            });
        } catch (RuntimeException e) {
            sources.delete(created.id());
            throw e;
        }
    }

    private void requireNamesFree(AccountSlug owner, RepositoryName name) {
        if (repositories.findByOwnerAndName(owner, name.value()).isPresent()) {
            throw new AlreadyExists("repository", "name", name.value());
        }
        if (projects.findByName(owner, name.value()).isPresent()) {
            throw new AlreadyExists("project", "name", name.value());
        }
    }
}
