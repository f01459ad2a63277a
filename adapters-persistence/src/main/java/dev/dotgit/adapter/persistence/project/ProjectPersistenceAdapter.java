package dev.dotgit.adapter.persistence.project;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;
import static dev.dotgit.adapter.persistence.support.StorageFailures.guardWrite;

import dev.dotgit.adapter.persistence.support.NameKeys;
import dev.dotgit.adapter.persistence.support.NewestFirstQuery;
import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.ProjectFilter;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ProjectStatus;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;

@Singleton
public class ProjectPersistenceAdapter implements LoadProjectPort, SaveProjectPort {

    private static final String WHAT = "project storage";

    /**
     * "Building" is not stored: a project is building while one of its deployments is active.
     * Computed in the query (on the project+status index of deployments), so a status filter
     * is applied before paging and pages stay exact.
     */
    private static final String BUILDING = "exists (select 1 from deployments d where d.project_id = p.id and d.status in ("
            + DeploymentStatus.active().stream().map(s -> "'" + s.name() + "'").sorted()
                    .collect(Collectors.joining(", ")) + "))";
    private static final String OVERVIEW_COLUMNS = "p.*, " + BUILDING + " as building";
    private static final String INSERT = """
            insert into projects (id, account, name, name_key, site_label, framework, repository_id, build_command,
                                  output_directory, status, created_at, last_deploy_at, live_production_deployment,
                                  version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * A project's identity (account, name, repository, creation time) is fixed at creation: no
     * domain operation changes it, so an update writes only the rest.
     */
    private static final String UPDATE_AT_VERSION = """
            update projects
               set framework = ?, build_command = ?, output_directory = ?, status = ?, last_deploy_at = ?,
                   live_production_deployment = ?, version = version + 1
             where id = ? and version = ?""";

    private final ProjectRepository projects;
    private final JdbcOperations jdbc;

    ProjectPersistenceAdapter(ProjectRepository projects, JdbcOperations jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Project> findById(AccountSlug account, ProjectId id) {
        return guard(WHAT, () -> projects.findByIdAndAccount(id.value(), account.value())
                .map(ProjectPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<Project> findByName(AccountSlug account, String name) {
        return guard(WHAT, () -> projects.findByAccountAndNameKey(account.value(), NameKeys.of(name))
                .map(ProjectPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<Project> findByRepository(AccountSlug account, RepositoryId repository) {
        return guard(WHAT, () -> projects.findOldestConnectedTo(account.value(), repository.value())
                .map(ProjectPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<Project> findSiteAliasOwner(String label) {
        return guard(WHAT, () -> projects.findOldestWithSiteLabel(label).map(ProjectPersistenceAdapter::toDomain));
    }

    @Override
    public Optional<ProjectOverview> findOverview(AccountSlug account, ProjectId id) {
        return guard(WHAT, () -> jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement(
                    "select " + OVERVIEW_COLUMNS + " from projects p where p.id = ? and p.account = ?")) {
                statement.setString(1, id.value());
                statement.setString(2, account.value());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(overview(row)) : Optional.<ProjectOverview>empty();
                }
            }
        }));
    }

    @Override
    public Page<ProjectOverview> list(ProjectFilter filter, PageRequest page) {
        return guard(WHAT, () -> {
            NewestFirstQuery query = NewestFirstQuery.select(OVERVIEW_COLUMNS, "projects", "p")
                    .where("p.account = ?", filter.account().value())
                    .restrictTo("p.id", filter.onlyProjects().stream().map(ProjectId::value).toList());
            filter.status().ifPresent(status -> {
                switch (status) {
                    case ARCHIVED -> query.where("p.status = ?", ProjectStatus.ARCHIVED.name());
                    case BUILDING -> query.where("p.status = ? and " + BUILDING, ProjectStatus.ACTIVE.name());
                    case ACTIVE -> query.where("p.status = ? and not " + BUILDING, ProjectStatus.ACTIVE.name());
                }
            });
            return query.fetch(jdbc, page, this::overview);
        });
    }

    @Override
    public Project insert(Project project) {
        Project stored = project.withVersion(0);
        try {
            SqlValues.executeUpdate(jdbc, INSERT, project.id().value(), project.account().value(),
                    project.name().value(), NameKeys.of(project.name().value()), project.siteLabel(),
                    project.framework(),
                    project.repository().value(), project.buildSettings().buildCommand(),
                    project.buildSettings().outputDirectory(), project.status().name(), project.createdAt(),
                    project.lastDeployAt(), idOrNull(project.liveProductionDeployment()), stored.version());
            return stored;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolationOf(e, "projects_account_name_uq")) {
                throw new AlreadyExists("project", "name", project.name().value());
            }
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("project", "id", project.id().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    /**
     * Projects are never deleted, so a missed update means another writer moved the version
     * on (ConcurrentModification), unless there never was such a project (NotFound).
     */
    @Override
    public Project update(Project project) {
        String id = project.id().value();
        return guardWrite(WHAT, "project", id, () -> {
            int updated = SqlValues.executeUpdate(jdbc, UPDATE_AT_VERSION, project.framework(),
                    project.buildSettings().buildCommand(), project.buildSettings().outputDirectory(),
                    project.status().name(), project.lastDeployAt(), idOrNull(project.liveProductionDeployment()),
                    id, project.version());
            if (updated == 0) {
                if (projects.existsById(id)) {
                    throw new ConcurrentModification("project", id);
                }
                throw new NotFound("project", id);
            }
            return project.withVersion(project.version() + 1);
        });
    }

    private ProjectOverview overview(ResultSet row) throws SQLException {
        return new ProjectOverview(toDomain(jdbc.readEntity(row, ProjectRow.class)), row.getBoolean("building"));
    }

    private static String idOrNull(DeploymentId deployment) {
        return deployment == null ? null : deployment.value();
    }

    private static Project toDomain(ProjectRow row) {
        return new Project(new ProjectId(row.id()), new AccountSlug(row.account()), new RepositoryName(row.name()),
                row.framework(), new RepositoryId(row.repositoryId()),
                new BuildSettings(row.buildCommand(), row.outputDirectory()), ProjectStatus.valueOf(row.status()),
                row.createdAt(), row.lastDeployAt(),
                row.liveProductionDeployment() == null ? null : new DeploymentId(row.liveProductionDeployment()),
                row.version());
    }
}
