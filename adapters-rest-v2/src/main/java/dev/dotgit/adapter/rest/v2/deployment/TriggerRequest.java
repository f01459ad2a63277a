package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.application.port.in.deployment.ProjectReference;
import dev.dotgit.application.port.in.deployment.TriggerDeploymentCommand;
import dev.dotgit.domain.deployment.EnvVars;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.deployment.Strategy;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.InvalidInput.Problem;
import dev.dotgit.domain.error.InvalidInput.Violation;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v2/deployments}, in both of v2's published shapes (CONTRACT C4):
 * seed 002's {@code {repo_id, branch, env: "preview", strategy}} and the SDK's (seed 003)
 * {@code {project: "my-app", branch, env: {NODE_ENV: "production"}}}.
 * <ul>
 *   <li>{@code repo_id} names the project connected to that repository; {@code project} a
 *       project by id or name. One of the two is required; both at once is ambiguous.</li>
 *   <li>{@code env} as a string is the environment (default {@code preview}); as an object it
 *       is env vars. {@code env_vars} is also accepted, but env vars come from one field only.</li>
 *   <li>{@code strategy}: {@code instant} (default), {@code canary}, {@code blue_green}.</li>
 *   <li>{@code commit_sha} (optional, as in the other versions): a commit of the branch
 *       instead of its head.</li>
 * </ul>
 * v2 has no auto-rollback.
 */
final class TriggerRequest {

    private static final String ENV = "env";
    private static final String ENV_VARS = "env_vars";

    private TriggerRequest() {
    }

    static TriggerDeploymentCommand read(JsonBody body) {
        ProjectReference project = project(body);
        String branch = body.requiredString("branch");
        JsonNode env = body.node(ENV);
        String environment = null;
        Map<String, String> envVars = null;
        String envVarsField = ENV_VARS;
        if (env != null && env.isString()) {
            environment = env.getStringValue();
        } else if (env != null && env.isObject()) {
            envVars = body.stringMap(ENV, env);
            envVarsField = ENV;
        } else if (env != null) {
            body.wrongType(ENV, "Must be an environment name (" + String.join(", ", Environment.wireNames())
                    + ") or an object of env vars");
        }
        if (body.has(ENV_VARS)) {
            if (env != null && env.isObject()) {
                body.reject(new Violation(ENV_VARS, Problem.BAD_FORMAT, null, null,
                        "Send env vars either as the object 'env' or as 'env_vars', not both"));
            } else {
                envVars = body.stringMap(ENV_VARS, body.node(ENV_VARS));
            }
        }
        String strategy = body.optionalString("strategy");
        String commit = body.optionalString("commit_sha");

        BranchName parsedBranch = branch == null ? null : body.check(() -> BranchName.parse("branch", branch));
        String environmentOrDefault = environment == null ? Environment.PREVIEW.wireName() : environment;
        Environment parsedEnvironment = body.check(() -> Environment.fromWire(environmentOrDefault)
                .orElseThrow(() -> InvalidInput.notAllowed(ENV, environmentOrDefault, Environment.wireNames())));
        Map<String, String> vars = envVars;
        String varsField = envVarsField;
        EnvVars parsedEnvVars = body.check(() -> EnvVars.parse(varsField, vars));
        Strategy parsedStrategy = strategy == null ? Strategy.INSTANT : body.check(() -> Strategy.fromWire(strategy)
                .orElseThrow(() -> InvalidInput.notAllowed("strategy", strategy, Strategy.wireNames())));
        CommitSha parsedCommit = commit == null ? null : body.check(() -> CommitSha.parse("commit_sha", commit));
        body.throwIfInvalid();
        return new TriggerDeploymentCommand(project, parsedBranch, Optional.ofNullable(parsedCommit),
                parsedEnvironment, parsedStrategy, false, parsedEnvVars);
    }

    private static ProjectReference project(JsonBody body) {
        boolean byRepository = body.has("repo_id");
        boolean byProject = body.has("project");
        if (byRepository && byProject) {
            body.reject(new Violation("project", Problem.BAD_FORMAT, null, null,
                    "Send either 'repo_id' or 'project', not both"));
            return null;
        }
        if (byProject) {
            String project = body.optionalString("project");
            return project == null ? null : ProjectReference.byIdOrName(project);
        }
        if (byRepository) {
            String repository = body.optionalString("repo_id");
            return repository == null ? null : ProjectReference.byRepository(repository);
        }
        body.reject(new Violation("repo_id", Problem.MISSING, null, null,
                "This field is required (or 'project': a project id or name)"));
        return null;
    }
}
