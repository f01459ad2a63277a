package dev.dotgit.adapter.persistence.repository;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;

import dev.dotgit.adapter.persistence.support.NameKeys;
import dev.dotgit.adapter.persistence.support.NewestFirstQuery;
import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.RepositoryFilter;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import dev.dotgit.domain.repository.RepositoryStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class RepositoryPersistenceAdapter implements LoadRepositoryPort, SaveRepositoryPort {

    private static final String WHAT = "repository storage";
    private static final String INSERT = """
            insert into repositories (id, owner, name, name_key, is_private, description, default_branch, status,
                                      created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final RepositoryRowRepository repositories;
    private final JdbcOperations jdbc;

    RepositoryPersistenceAdapter(RepositoryRowRepository repositories, JdbcOperations jdbc) {
        this.repositories = repositories;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Repository> findById(AccountSlug owner, RepositoryId id) {
        return guard(WHAT, () -> repositories.findByIdAndOwner(id.value(), owner.value())
                .map(RepositoryPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<Repository> findByOwnerAndName(AccountSlug owner, String name) {
        return guard(WHAT, () -> repositories.findByOwnerAndNameKey(owner.value(), NameKeys.of(name))
                .map(RepositoryPersistenceAdapter::toDomain));
    }

    /** A key restricted to projects sees the repositories those projects (of the same owner) are connected to. */
    @Override
    public Page<Repository> list(RepositoryFilter filter, PageRequest page) {
        return guard(WHAT, () -> {
            NewestFirstQuery query = NewestFirstQuery.select("r.*", "repositories", "r")
                    .where("r.owner = ?", filter.owner().value());
            filter.isPrivate().ifPresent(isPrivate -> query.where("r.is_private = ?", isPrivate));
            if (!filter.onlyProjects().isEmpty()) {
                query.where("exists (select 1 from projects p where p.repository_id = r.id and p.account = r.owner"
                                + " and p.id in (" + NewestFirstQuery.placeholders(filter.onlyProjects().size()) + "))",
                        filter.onlyProjects().stream().map(ProjectId::value).toArray());
            }
            return query.fetch(jdbc, page, row -> toDomain(jdbc.readEntity(row, RepositoryRow.class)));
        });
    }

    @Override
    public Repository insert(Repository repository) {
        try {
            SqlValues.executeUpdate(jdbc, INSERT, repository.id().value(), repository.owner().value(),
                    repository.name().value(), NameKeys.of(repository.name().value()), repository.isPrivate(),
                    repository.description(), repository.defaultBranch().value(), repository.status().name(),
                    repository.createdAt());
            return repository;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolationOf(e, "repositories_owner_name_uq")) {
                throw new AlreadyExists("repository", "name", repository.name().value());
            }
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("repository", "id", repository.id().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    private static Repository toDomain(RepositoryRow row) {
        return new Repository(new RepositoryId(row.id()), new AccountSlug(row.owner()), new RepositoryName(row.name()),
                row.isPrivate(), row.description(), new BranchName(row.defaultBranch()),
                RepositoryStatus.valueOf(row.status()), row.createdAt());
    }
}
