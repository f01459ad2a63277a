package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentUseCase;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.scheduling.SchedulePipelinePort;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidBranch;
import dev.dotgit.domain.error.InvalidCommit;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.Project;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class TriggerDeploymentService implements TriggerDeploymentUseCase {

    private final RunInTransactionPort transactions;
    private final VisibleObjects visible;
    private final LoadProjectPort projects;
    private final SaveDeploymentPort saveDeployments;
    private final AppendDeploymentLogPort logs;
    private final SourceRepositoryPort sources;
    private final SchedulePipelinePort pipelines;
    private final WebhookEvents events;
    private final Clock clock;

    public TriggerDeploymentService(RunInTransactionPort transactions, VisibleObjects visible,
                                    LoadProjectPort projects, SaveDeploymentPort saveDeployments,
                                    AppendDeploymentLogPort logs, SourceRepositoryPort sources,
                                    SchedulePipelinePort pipelines, WebhookEvents events, Clock clock) {
        this.transactions = transactions;
        this.visible = visible;
        this.projects = projects;
        this.saveDeployments = saveDeployments;
        this.logs = logs;
        this.sources = sources;
        this.pipelines = pipelines;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Deployment trigger(Caller caller, TriggerDeploymentCommand command) {
        caller.require(Scope.WRITE);
        Project project = resolve(caller, command.project());
        if (!caller.mayAccess(command.environment())) {
            throw InsufficientScope.environmentNotAllowed(command.environment().wireName());
        }
        project.requireActive();

        // Git is read outside the transaction: resolving refs needs no database lock, and a
        // branch deleted between here and the build is caught by the checkout.
        CommitSha head = sources.resolveBranch(project.repository(), command.branch())
                .orElseThrow(() -> new InvalidBranch(project.id().value(), command.branch().value()));
        CommitSha commit = command.commit()
                .map(wanted -> sources.resolveCommit(project.repository(), wanted)
                        .orElseThrow(() -> new InvalidCommit(project.id().value(), wanted.value())))
                .orElse(head);

        Instant now = Timestamps.now(clock);
        Deployment queued = Deployment.queue(caller.account(), project.id(), project.repository(), command.branch(),
                commit, command.environment(), command.strategy(), command.autoRollback(), command.envVars(), now);
        return transactions.inTransaction(() -> {
            Deployment saved = saveDeployments.insert(queued);
            logs.append(saved.id(), List.of(LogEntry.info(now, "Deployment queued: " + command.branch().value() + "@"
                    + commit.abbreviated() + " to " + command.environment().wireName() + " ("
                    + command.strategy().wireName() + ")")));
            pipelines.schedule(saved.id());
            events.deploymentEntered(saved);
            return saved;
        });
    }

    private Project resolve(Caller caller, ProjectReference reference) {
        if (reference instanceof ProjectReference.ById byId) {
            return visible.project(caller, byId.raw());
        }
        if (reference instanceof ProjectReference.ByIdOrName byIdOrName) {
            String raw = byIdOrName.raw();
            if (ProjectId.parse(raw).isPresent()) {
                return visible.project(caller, raw);
            }
            return projects.findByName(caller.account(), raw)
                    .filter(p -> caller.mayAccess(p.id()))
                    .orElseThrow(() -> new NotFound("project", raw));
        }
        String raw = reference.raw();
        return RepositoryId.parse(raw)
                .flatMap(id -> projects.findByRepository(caller.account(), id))
                .filter(p -> caller.mayAccess(p.id()))
                .orElseThrow(() -> new NotFound("repository", raw));
    }
}
