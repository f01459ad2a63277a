package dev.dotgit.domain.access;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.project.ProjectId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request and what they may touch: every use case takes one and asks it
 * before reading or changing anything.
 *
 * @param principal    who acts, as recorded in audit fields such as {@code cancelled_by} (a key id)
 * @param projects     projects the caller is restricted to; empty means all of the account's projects
 * @param environments environments the caller is restricted to; empty means all
 */
public record Caller(AccountSlug account, String principal, Set<Scope> scopes, Set<ProjectId> projects,
                     Set<Environment> environments) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(principal, "principal");
        scopes = Set.copyOf(scopes);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
        environments = environments == null ? Set.of() : Set.copyOf(environments);
    }

    public void require(Scope scope) {
        if (!Scope.anyIncludes(scopes, scope)) {
            throw InsufficientScope.missingScope(scope.wireName());
        }
    }

    public boolean has(Scope scope) {
        return Scope.anyIncludes(scopes, scope);
    }

    public boolean mayAccess(ProjectId project) {
        return projects.isEmpty() || projects.contains(project);
    }

    public boolean mayAccess(Environment environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    /**
     * Account-wide actions (issuing or revoking keys, creating projects, managing webhook
     * subscriptions, which hear about every project) need a key that reaches the whole account.
     *
     * @param action what the caller tried, for the message ("manage webhooks")
     */
    public void requireUnrestricted(String action) {
        if (isRestricted()) {
            throw InsufficientScope.restrictedKey(action);
        }
    }

    public boolean isRestricted() {
        return !projects.isEmpty() || !environments.isEmpty();
    }
}
