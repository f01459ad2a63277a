package dev.dotgit.adapter.persistence.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads only: inserts carry instants and are written by hand (see SqlValues). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RepositoryRowRepository extends GenericRepository<RepositoryRow, String> {

    Optional<RepositoryRow> findByIdAndOwner(String id, String owner);

    Optional<RepositoryRow> findByOwnerAndNameKey(String owner, String nameKey);
}
