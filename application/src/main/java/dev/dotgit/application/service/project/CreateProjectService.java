package dev.dotgit.application.service.project;

import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.project.CreateProjectUseCase;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.repository.RepositoryProvisioning;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.Repository;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.util.Optional;

public final class CreateProjectService implements CreateProjectUseCase {

    private final RunInTransactionPort transactions;
    private final LoadProjectPort projects;
    private final SaveProjectPort saveProjects;
    private final VisibleObjects visible;
    private final RepositoryProvisioning provisioning;
    private final Clock clock;

    public CreateProjectService(RunInTransactionPort transactions, LoadProjectPort projects,
                                SaveProjectPort saveProjects, VisibleObjects visible,
                                RepositoryProvisioning provisioning, Clock clock) {
        this.transactions = transactions;
        this.projects = projects;
        this.saveProjects = saveProjects;
        this.visible = visible;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    @Override
    public ProjectOverview create(Caller caller, CreateProjectCommand command) {
        caller.require(Scope.WRITE);
        // A key limited to some projects could not even see the project it created.
        caller.requireUnrestricted("create projects");
        if (command.repositoryId().isEmpty()) {
            // The caller asked for a project: a taken project name is reported as such, before
            // provisioning would stumble on the repository of the same name. Two creates racing
            // past this check are still decided by the stores' unique names.
            if (projects.findByName(caller.account(), command.name().value()).isPresent()) {
                throw new AlreadyExists("project", "name", command.name().value());
            }
            Project project = provisioning.provision(caller.account(), command.name(), true, Optional.empty(),
                    command.framework(), command.buildSettings()).project();
            return new ProjectOverview(project, false);
        }
        Repository repository = visible.repository(caller, command.repositoryId().get());
        Project created = transactions.inTransaction(() -> {
            if (projects.findByName(caller.account(), command.name().value()).isPresent()) {
                throw new AlreadyExists("project", "name", command.name().value());
            }
            return saveProjects.insert(Project.create(caller.account(), command.name(),
                    command.framework().orElse(null), repository.id(), command.buildSettings(),
                    Timestamps.now(clock)));
        });
        return new ProjectOverview(created, false);
    }
}
