package dev.dotgit.adapter.persistence.apikey;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads only: inserts carry instants and are written by hand (see SqlValues). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends GenericRepository<ApiKeyRow, String> {

    /** Every authenticated request asks this: one lookup on the unique index of the hash. */
    Optional<ApiKeyRow> findBySecretHash(String secretHash);

    Optional<ApiKeyRow> findById(String id);
}
