package dev.dotgit.adapter.rest.v1;

import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches;
import static dev.dotgit.adapter.rest.v1.golden.GoldenJson.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v1.support.Tenant;
import dev.dotgit.adapter.rest.v1.support.V1Api;
import dev.dotgit.adapter.rest.v1.support.V1Spec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code GET/POST /v1/projects} and {@code GET /v1/projects/{id}}: shapes and statuses. */
abstract class ProjectRoutesSpec extends V1Spec {

    ProjectRoutesSpec(Supplier<V1Api> server) {
        super(server);
    }

    @Test
    void createAnswers201WithTheFullProject() {
        Response created = tenant.admin().contentType(ContentType.JSON).body(fixture("projects/create.request.json"))
                .post("/v1/projects");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertMatches("projects/create.response.json", created.asString());
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v1/projects/" + created.path("id"));
    }

    @Test
    void getAnswersTheProjectAsCreated() {
        String id = tenant.admin().contentType(ContentType.JSON).body(fixture("projects/create.request.json"))
                .post("/v1/projects").path("id");

        Response got = tenant.admin().get("/v1/projects/" + id);

        assertThat(got.statusCode()).isEqualTo(200);
        assertMatches("projects/get.response.json", got.asString(), Map.of("project_id", id));
    }

    @Test
    void optionalFieldsLeftOutAreShownAsNull() {
        String name = Tenant.uniqueName("bare");
        String id = tenant.createProject(name);

        assertMatches("projects/get-minimal.response.json", tenant.admin().get("/v1/projects/" + id).asString(),
                Map.of("project_id", id, "name", name));
    }

    @Test
    void listShowsNewestFirstWithTheTotal() {
        String oldest = tenant.admin().contentType(ContentType.JSON).body(fixture("projects/create.request.json"))
                .post("/v1/projects").path("id");
        platform.clock.advance(Duration.ofSeconds(1));
        String newestName = Tenant.uniqueName("second");
        String newest = tenant.createProject(newestName);

        Response listed = tenant.admin().get("/v1/projects");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertMatches("projects/list.response.json", listed.asString(),
                Map.of("newest", newest, "newest_name", newestName, "oldest", oldest));
    }
}
