package dev.dotgit.application.service;

import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import java.util.Map;
import java.util.Optional;

/**
 * Trigger commands in the test-data style ({@code aTriggerOf(project).to(STAGING).build()}):
 * defaults are those of v3 (branch {@code main}, production, instant), so a test states only
 * what it is about.
 */
public final class TriggerCommands {

    private TriggerCommands() {
    }

    public static Builder aTriggerOf(ProjectOverview project) {
        return new Builder(ProjectReference.byId(project.project().id().value()));
    }

    public static Builder aTriggerOf(ProjectReference project) {
        return new Builder(project);
    }

    public static final class Builder {
        private final ProjectReference project;
        private BranchName branch = BranchName.MAIN;
        private Optional<CommitSha> commit = Optional.empty();
        private Environment environment = Environment.PRODUCTION;
        private Strategy strategy = Strategy.INSTANT;
        private boolean autoRollback;
        private EnvVars envVars = EnvVars.NONE;

        private Builder(ProjectReference project) {
            this.project = project;
        }

        public Builder branch(String value) {
            this.branch = new BranchName(value);
            return this;
        }

        public Builder commit(String value) {
            this.commit = Optional.of(new CommitSha(value));
            return this;
        }

        public Builder to(Environment value) {
            this.environment = value;
            return this;
        }

        public Builder strategy(Strategy value) {
            this.strategy = value;
            return this;
        }

        public Builder autoRollback() {
            this.autoRollback = true;
            return this;
        }

        public Builder envVars(Map<String, String> value) {
            this.envVars = new EnvVars(value);
            return this;
        }

        public TriggerDeploymentCommand build() {
            return new TriggerDeploymentCommand(project, branch, commit, environment, strategy, autoRollback, envVars);
        }
    }
}
