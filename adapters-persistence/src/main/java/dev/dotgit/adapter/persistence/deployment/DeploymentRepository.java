package dev.dotgit.adapter.persistence.deployment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads, and the delete; writes that carry instants are written by hand (see SqlValues). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeploymentRepository extends GenericRepository<DeploymentRow, String> {

    /** The hottest read of the platform: one lookup by primary key. */
    Optional<DeploymentRow> findById(String id);

    boolean existsById(String id);

    /** Its log lines go with it (foreign key on delete cascade). @return 1 if deleted, else 0 */
    @Query("delete from deployments where id = :id and version = :version")
    long deleteAtVersion(String id, long version);
}
