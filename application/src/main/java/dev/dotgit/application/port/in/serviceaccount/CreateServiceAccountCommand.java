package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.domain.apikey.Scope;
import java.util.Set;

/**
 * A service account to create. Adapters parse scope names (naming their own field in errors);
 * the rest is checked by the use case.
 *
 * @param name       a label for people, required
 * @param projectIds the projects to restrict its tokens to, as the caller sent them; empty means none
 */
public record CreateServiceAccountCommand(String name, Set<Scope> scopes, Set<String> projectIds) {

    public CreateServiceAccountCommand {
        name = name == null ? "" : name;
        scopes = Set.copyOf(scopes);
        projectIds = Set.copyOf(projectIds);
    }
}
