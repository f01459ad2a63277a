package dev.dotgit.adapter.persistence.project;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads only: writes carry instants and are written by hand (see SqlValues). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProjectRepository extends GenericRepository<ProjectRow, String> {

    Optional<ProjectRow> findByIdAndAccount(String id, String account);

    Optional<ProjectRow> findByAccountAndNameKey(String account, String nameKey);

    boolean existsById(String id);

    @Query("""
            select * from projects
             where account = :account and repository_id = :repositoryId
             order by created_at, id
             limit 1""")
    Optional<ProjectRow> findOldestConnectedTo(String account, String repositoryId);

    @Query("select * from projects where site_label = :siteLabel order by created_at, id limit 1")
    Optional<ProjectRow> findOldestWithSiteLabel(String siteLabel);
}
