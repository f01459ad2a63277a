package dev.dotgit.application.service.access;

import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.repository.RepositoryId;

/**
 * Loads an object a caller names by id, or answers "not found" when it does not exist, is
 * malformed, belongs to another account or lies outside the caller's key restrictions. The
 * four cases are indistinguishable by design (CONTRACT §1: 404, not 403).
 */
public final class VisibleObjects {

    private final LoadProjectPort projects;
    private final LoadRepositoryPort repositories;
    private final LoadDeploymentPort deployments;

    public VisibleObjects(LoadProjectPort projects, LoadRepositoryPort repositories, LoadDeploymentPort deployments) {
        this.projects = projects;
        this.repositories = repositories;
        this.deployments = deployments;
    }

    public Project project(Caller caller, String rawId) {
        return ProjectId.parse(rawId)
                .filter(caller::mayAccess)
                .flatMap(id -> projects.findById(caller.account(), id))
                .orElseThrow(() -> new NotFound("project", rawId));
    }

    public ProjectOverview projectOverview(Caller caller, String rawId) {
        return ProjectId.parse(rawId)
                .filter(caller::mayAccess)
                .flatMap(id -> projects.findOverview(caller.account(), id))
                .orElseThrow(() -> new NotFound("project", rawId));
    }

    public Repository repository(Caller caller, String rawId) {
        return RepositoryId.parse(rawId)
                .flatMap(id -> repositories.findById(caller.account(), id))
                .filter(repo -> mayAccess(caller, repo))
                .orElseThrow(() -> new NotFound("repository", rawId));
    }

    /** A key restricted to projects sees the repositories connected to them, and no others. */
    public boolean mayAccess(Caller caller, Repository repository) {
        if (caller.projects().isEmpty()) {
            return true;
        }
        return caller.projects().stream()
                .map(id -> projects.findById(caller.account(), id))
                .anyMatch(p -> p.isPresent() && p.get().repository().equals(repository.id()));
    }

    public Deployment deployment(Caller caller, String rawId) {
        return DeploymentId.parse(rawId)
                .flatMap(deployments::findById)
                .filter(d -> isVisible(caller, d))
                .orElseThrow(() -> new NotFound("deployment", rawId));
    }

    public static boolean isVisible(Caller caller, Deployment deployment) {
        return deployment.account().equals(caller.account())
                && caller.mayAccess(deployment.project())
                && caller.mayAccess(deployment.environment());
    }
}
