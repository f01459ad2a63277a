package dev.dotgit.application.port.in.deployment;

import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import java.util.Objects;
import java.util.Optional;

/**
 * What to deploy. Adapters parse wire values into these types (naming their own fields in
 * errors) and apply their version's defaults before building the command.
 *
 * @param commit a specific commit (possibly abbreviated); empty means the branch head
 */
public record TriggerDeploymentCommand(ProjectReference project, BranchName branch, Optional<CommitSha> commit,
                                       Environment environment, Strategy strategy, boolean autoRollback,
                                       EnvVars envVars) {

    public TriggerDeploymentCommand {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(envVars, "envVars");
    }
}
