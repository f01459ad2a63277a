package dev.dotgit.application.port.in.apikey;

import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A key to issue. Adapters parse wire values (scope names, environments, times) into these
 * types, naming their own fields in errors.
 *
 * @param name         a label for people; may be empty
 * @param projectIds   the projects to restrict the key to, as the caller sent them; empty means none
 * @param environments the environments to restrict the key to; empty means none
 * @param expiresAt    when the key stops working; empty for never
 */
public record CreateApiKeyCommand(String name, Set<Scope> scopes, Set<String> projectIds,
                                  Set<Environment> environments, Optional<Instant> expiresAt) {

    public CreateApiKeyCommand {
        name = name == null ? "" : name;
        scopes = Set.copyOf(scopes);
        projectIds = Set.copyOf(projectIds);
        environments = Set.copyOf(environments);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
