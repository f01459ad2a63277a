package dev.dotgit.application.service.access;

import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.project.ProjectId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new credential (an API key, a service account) asks to hold, checked the same way for
 * both: at least one scope, and project restrictions that name only projects the issuer can see.
 * A project the issuer cannot see (another account's, or outside the issuer's own restriction) is
 * refused exactly like one that exists nowhere, so the refusal leaks nothing.
 */
public final class GrantedAccess {

    /** The most projects one credential may be restricted to. */
    public static final int MAX_PROJECTS = 100;

    private GrantedAccess() {
    }

    /** Records a violation when {@code scopes} is empty. */
    public static void requireSomeScope(Set<Scope> scopes, Violations violations) {
        if (scopes.isEmpty()) {
            violations.add(InvalidInput.outOfRange("scopes", null, "Must contain at least one of: "
                    + String.join(", ", Scope.wireNames())));
        }
    }

    /**
     * @return the projects named in {@code projectIds} that {@code issuer} can see; every other
     *         id is recorded as a violation of {@code project_ids}
     */
    public static Set<ProjectId> restrictedProjects(Caller issuer, Set<String> projectIds, LoadProjectPort projects,
                                                    Violations violations) {
        Set<ProjectId> restrictedTo = new LinkedHashSet<>();
        if (projectIds.size() > MAX_PROJECTS) {
            violations.add(InvalidInput.outOfRange("project_ids", null,
                    "Must name at most " + MAX_PROJECTS + " projects"));
            return restrictedTo;
        }
        Set<String> unknown = new TreeSet<>();
        for (String raw : projectIds) {
            Optional<ProjectId> id = ProjectId.parse(raw)
                    .filter(issuer::mayAccess)
                    .filter(parsed -> projects.findById(issuer.account(), parsed).isPresent());
            id.ifPresentOrElse(restrictedTo::add, () -> unknown.add(raw));
        }
        if (!unknown.isEmpty()) {
            violations.add(InvalidInput.badFormat("project_ids", String.join(", ", unknown),
                    "No such project: " + String.join(", ", unknown)));
        }
        return restrictedTo;
    }
}
