package dev.dotgit.adapter.rest.v1.deployment;

import dev.dotgit.adapter.rest.v1.http.JsonBody;
import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import java.util.Map;
import java.util.Optional;

/**
 * The two v1 bodies that trigger a deployment (CONTRACT C1), read into the one command.
 * v1 knows neither strategies nor auto-rollback: its deployments are instant and never roll
 * back by themselves.
 */
final class TriggerRequests {

    private static final String ENV_VARS = "env_vars";

    private TriggerRequests() {
    }

    /**
     * Seed 001, {@code POST /v1/projects/{id}/deployments}: {@code branch}*, {@code environment}*,
     * {@code commit_hash}, {@code env_vars}.
     */
    static TriggerDeploymentCommand forProjectRoute(String projectId, JsonBody body) {
        String branch = body.requiredString("branch");
        String environment = body.requiredString("environment");
        String commit = body.optionalString("commit_hash");
        Map<String, String> envVars = body.optionalStringMap(ENV_VARS);
        return command(ProjectReference.byId(projectId), body, branch, environment, "commit_hash", commit, envVars);
    }

    /**
     * Seed 004, {@code POST /v1/deployments}: {@code project_id}*, {@code branch}*, {@code commit_sha},
     * {@code env_vars}, {@code environment} (production when left out).
     */
    static TriggerDeploymentCommand forDeploymentsRoute(JsonBody body) {
        String projectId = body.requiredString("project_id");
        String branch = body.requiredString("branch");
        String commit = body.optionalString("commit_sha");
        Map<String, String> envVars = body.optionalStringMap(ENV_VARS);
        String environment = body.optionalString("environment");
        String environmentOrDefault = environment == null ? Environment.PRODUCTION.wireName() : environment;
        ProjectReference project = projectId == null ? null : ProjectReference.byId(projectId);
        return command(project, body, branch, environmentOrDefault, "commit_sha", commit, envVars);
    }

    private static TriggerDeploymentCommand command(ProjectReference project, JsonBody body, String branch,
                                                    String environment, String commitField, String commit,
                                                    Map<String, String> envVars) {
        BranchName parsedBranch = branch == null ? null : body.check(() -> BranchName.parse("branch", branch));
        Environment parsedEnvironment = environment == null ? null : body.check(() -> Environment.fromWire(environment)
                .orElseThrow(() -> InvalidInput.notAllowed("environment", environment, Environment.wireNames())));
        CommitSha parsedCommit = commit == null ? null : body.check(() -> CommitSha.parse(commitField, commit));
        EnvVars parsedEnvVars = body.check(() -> EnvVars.parse(ENV_VARS, envVars));
        body.throwIfInvalid();
        return new TriggerDeploymentCommand(project, parsedBranch, Optional.ofNullable(parsedCommit), parsedEnvironment,
                Strategy.INSTANT, false, parsedEnvVars);
    }
}
