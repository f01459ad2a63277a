package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import io.restassured.response.Response;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v3's stricter validation: unknown fields, wrong types and bad values name their field; enum typos get a suggestion. */
abstract class ValidationSpec extends V3Spec {

    ValidationSpec(Supplier<V3Api> server) {
        super(server);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"enviroment\":\"production\"}|enviroment|Unknown field: 'enviroment'. Did you mean 'environment'?",
        "{\"strategy\":\"canary\"}|strategy|Unknown field: 'strategy'. Allowed fields: branch, environment, commit_sha, auto_rollback, env_vars.",
        "{\"auto_rollback\":\"yes\"}|auto_rollback|Invalid auto_rollback value. Must be a boolean (true or false).",
        "{\"branch\":42}|branch|Invalid branch value. Must be a string.",
        "{\"env_vars\":[\"A=1\"]}|env_vars|Invalid env_vars value. Must be an object of string values.",
        "{\"env_vars\":{\"A\":1}}|env_vars.A|Invalid env_vars.A value. Must be a string.",
        "{\"environment\":\"Production\"}|environment|Invalid environment value: 'Production'. Use 'production' instead.",
        "{\"environment\":\"stagng\"}|environment|Invalid environment value: 'stagng'. Use 'staging' instead.",
        "{\"environment\":\"p\"}|environment|Invalid environment value: 'p'. Must be one of: production, staging, preview.",
        "{\"environment\":7}|environment|Invalid environment value. Must be a string.",
    })
    void aBadTriggerBodyNamesTheField(String body, String field, String message) {
        String projectId = tenant.createProject();
        Response refused = tenant.adminJson(body).post("/v3/projects/" + projectId + "/deployments");
        assertError(refused, 400, "validation_failed");
        assertThat(refused.<String>path("error.details.field")).isEqualTo(field);
        assertThat(refused.<String>path("error.message")).isEqualTo(message);
        assertThat(tenant.admin().get("/v3/projects/" + projectId + "/deployments").<java.util.List<?>>path("deployments"))
                .as("nothing was deployed").isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "status|runing|Invalid status value: 'runing'. Use 'running' instead.",
        "status|success|Invalid status value: 'success'. Must be one of: queued, running, live, failed, cancelled.",
        "environment|prod|Invalid environment value: 'prod'. Use 'production' instead.",
    })
    void aBadDeploymentFilterNamesTheParameter(String parameter, String value, String message) {
        String projectId = tenant.createProject();
        Response refused = tenant.admin().queryParam(parameter, value)
                .get("/v3/projects/" + projectId + "/deployments");
        assertError(refused, 400, "validation_failed");
        assertThat(refused.<String>path("error.details.field")).isEqualTo(parameter);
        assertThat(refused.<String>path("error.message")).isEqualTo(message);
    }

    @ParameterizedTest(name = "status={0}")
    @CsvSource(delimiter = '|', value = {
        "archive|Invalid status value: 'archive'. Use 'archived' instead.",
        "live|Invalid status value: 'live'. Must be one of: active, archived, building.",
    })
    void aBadProjectStatusFilterSuggests(String value, String message) {
        Response refused = tenant.admin().queryParam("status", value).get("/v3/projects");
        assertError(refused, 400, "validation_failed");
        assertThat(refused.<String>path("error.message")).isEqualTo(message);
    }
}
