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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void pagesAreNumberedFromOneAndTheTotalCountsEveryProject() {
        String first = tenant.createProject(Tenant.uniqueName("one"));
        platform.clock.advance(Duration.ofSeconds(1));
        String second = tenant.createProject(Tenant.uniqueName("two"));
        platform.clock.advance(Duration.ofSeconds(1));
        String third = tenant.createProject(Tenant.uniqueName("three"));

        Response firstPage = tenant.admin().queryParam("per_page", 2).get("/v1/projects");
        Response secondPage = tenant.admin().queryParam("page", 2).queryParam("per_page", 2).get("/v1/projects");
        Response beyond = tenant.admin().queryParam("page", 3).queryParam("per_page", 2).get("/v1/projects");

        assertThat(firstPage.<List<String>>path("data.id")).containsExactly(third, second);
        assertThat(secondPage.<List<String>>path("data.id")).containsExactly(first);
        assertThat(secondPage.<Integer>path("meta.total")).isEqualTo(3);
        assertThat(secondPage.<Integer>path("meta.page")).isEqualTo(2);
        assertThat(secondPage.<Integer>path("meta.per_page")).isEqualTo(2);
        assertThat(beyond.<List<String>>path("data")).isEmpty();
        assertThat(beyond.<Integer>path("meta.total")).isEqualTo(3);
        assertThat(tenant.admin().queryParam("per_page", 100).get("/v1/projects").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"per_page,0", "per_page,abc", "per_page,101", "per_page,''", "page,0", "page,-1", "page,1e3"})
    void outOfRangeOrMalformedPagingIs422NamingTheParameter(String parameter, String value) {
        Response refused = tenant.admin().queryParam(parameter, value).get("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<Integer>path("error.code")).isEqualTo(422);
        assertThat(refused.<List<String>>path("error.details.field")).containsExactly(parameter);
    }

    @Test
    void everyBadPagingParameterIsReportedAtOnce() {
        Response refused = tenant.admin().queryParam("page", 0).queryParam("per_page", "abc").get("/v1/projects");

        assertMatches("errors/validation-page.json", refused.asString());
    }

    @Test
    void everyFieldOfTheWrongJsonTypeIsReportedAtOnce() {
        Response refused = tenant.admin().contentType(ContentType.JSON)
                .body(fixture("errors/validation-project.request.json")).post("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertMatches("errors/validation-project.json", refused.asString());
    }

    @Test
    void valuesBreakingTheirRulesAre422WithTheRule() {
        Response refused = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"a b\",\"output_directory\":\"../etc\"}").post("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<List<String>>path("error.details.field")).containsExactly("name", "output_directory");
        assertThat(refused.<String>path("error.details[0].message"))
                .isEqualTo("Must be 3-30 characters: letters, digits, '.', '_' or '-', and not shaped like an id such as dep_0123456789");
    }

    @Test
    void aProjectWithoutANameIsMissingField() {
        Response refused = tenant.admin().contentType(ContentType.JSON).body("{\"framework\":\"nextjs\"}")
                .post("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/missing-project-name.json", refused.asString());
        assertMatches("errors/missing-project-name.json", tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":null}").post("/v1/projects").asString());
    }

    @Test
    void aNameTakenInTheAccountIsAConflict() {
        tenant.admin().contentType(ContentType.JSON).body(fixture("projects/create.request.json")).post("/v1/projects");

        Response refused = tenant.admin().contentType(ContentType.JSON).body(fixture("projects/create.request.json"))
                .post("/v1/projects");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertMatches("errors/already-exists.json", refused.asString());
    }

    @Test
    void aProjectCanBeConnectedToAnExistingRepositoryOfTheAccount() {
        String existing = tenant.admin().get("/v1/projects/" + tenant.createProject(Tenant.uniqueName("first")))
                .path("repo_id");
        Response connected = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + Tenant.uniqueName("second") + "\",\"repo_id\":\"" + existing + "\"}")
                .post("/v1/projects");
        Response unknownRepository = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + Tenant.uniqueName("third") + "\",\"repo_id\":\"repo_0000000000\"}")
                .post("/v1/projects");

        assertThat(connected.statusCode()).isEqualTo(201);
        assertThat(connected.<String>path("repo_id")).isEqualTo(existing);
        assertThat(unknownRepository.statusCode()).isEqualTo(404);
        assertThat(unknownRepository.<String>path("error.details.resource")).isEqualTo("repository");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        Response missing = tenant.admin().get("/v1/projects/proj_0000000000");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-project.json", missing.asString(), Map.of("id", "proj_0000000000"));
    }
}
