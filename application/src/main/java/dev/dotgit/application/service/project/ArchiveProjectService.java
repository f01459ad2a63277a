package dev.dotgit.application.service.project;

import dev.dotgit.application.port.in.project.ArchiveProjectUseCase;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.deployment.DeploymentUpdates;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.project.ProjectStatus;
import java.util.Arrays;

/**
 * How archiving races end: the project row is written under optimistic locking, so an
 * archive racing a deployment going live (which also updates the project) re-reads and
 * applies again. A deployment triggered concurrently either committed before the archive
 * (it was accepted while the project was active and runs to its end) or reads the archived
 * project and is refused; deployments already running are not stopped by archiving.
 */
public final class ArchiveProjectService implements ArchiveProjectUseCase {

    private final VisibleObjects visible;
    private final LoadProjectPort projects;
    private final SaveProjectPort saveProjects;
    private final RunInTransactionPort transactions;

    public ArchiveProjectService(VisibleObjects visible, LoadProjectPort projects, SaveProjectPort saveProjects,
                                 RunInTransactionPort transactions) {
        this.visible = visible;
        this.projects = projects;
        this.saveProjects = saveProjects;
        this.transactions = transactions;
    }

    @Override
    public ProjectOverview archive(Caller caller, String projectId) {
        caller.require(Scope.ADMIN);
        Project target = visible.project(caller, projectId);
        // Archiving stops new deployments to every environment, production included. A key
        // restricted to some environments (a preview-only CI key, say) cannot deploy to the
        // others, so it must not be able to switch them off either: as with triggering one, 403.
        // Checked after the lookup, so a project the key cannot see stays a plain 404.
        if (!Arrays.stream(Environment.values()).allMatch(caller::mayAccess)) {
            throw InsufficientScope.restrictedKey("archive projects");
        }
        return DeploymentUpdates.retryOnConflict(transactions, () -> {
            Project current = projects.findById(target.account(), target.id())
                    .orElseThrow(() -> new NotFound("project", projectId));
            if (current.status() != ProjectStatus.ARCHIVED) {
                saveProjects.update(current.archive());
            }
            return projects.findOverview(target.account(), target.id())
                    .orElseThrow(() -> new NotFound("project", projectId));
        });
    }
}
