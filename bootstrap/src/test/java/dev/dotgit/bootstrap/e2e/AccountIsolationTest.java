package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertApiHeaders;
import static dev.dotgit.bootstrap.e2e.support.V1Replies.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.domain.shared.Ids;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two accounts made through the operator surface share one server and never see each other:
 * another account's object answers exactly as an id that exists nowhere (404, not 403, so not
 * even its existence leaks), and lists leave it out.
 */
class AccountIsolationTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private final Api api = SERVER.api();

    @Test
    void eachAccountSeesOnlyItsOwnProjectsAndDeployments() {
        Account acme = createAccount("acme");
        Account globex = createAccount("globex");
        Owned acmeOwns = setUp(acme);
        Owned globexOwns = setUp(globex);

        assertInvisible(acme, globexOwns);
        assertInvisible(globex, acmeOwns);
        assertListsOnlyOwn(acme, acmeOwns, globexOwns);
        assertListsOnlyOwn(globex, globexOwns, acmeOwns);
        // The bootstrap account is a third account like any other.
        assertInvisible(new Account("default", api.bootstrapKey(), null), acmeOwns);

        // Nothing the other account tried changed anything: the objects are still there for their owner.
        assertThat(api.as(globex.key).get("/v1/deployments/" + globexOwns.deploymentId).<String>path("status"))
                .isEqualTo("success");
        assertThat(api.as(acme.key).get("/v1/deployments/" + acmeOwns.deploymentId).<String>path("status"))
                .isEqualTo("success");
    }

    private Account createAccount(String base) {
        String slug = base + "-" + ServerSettings.randomAlphanumeric(8);
        Response created = api.operator().contentType(ContentType.JSON)
                .body(Api.json(Map.of("slug", slug, "plan", "pro"))).post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<String>path("slug")).isEqualTo(slug);
        assertThat(created.<String>path("public_key")).startsWith("gpk_live_");
        assertThat(created.<String>path("api_key.secret")).startsWith("gsk_live_");
        assertThat(created.<String>path("api_key.id")).matches("key_[0-9a-z]{10}");
        return new Account(slug, created.path("api_key.secret"), created.path("api_key.id"));
    }

    /** A project and a deployment of it that went live, made with the account's own key. */
    private Owned setUp(Account account) {
        String projectId = api.createProject(account.key, "iso-" + ServerSettings.randomAlphanumeric(8), null, null)
                .path("id");
        String deploymentId = api.deploy(account.key, projectId, Map.of()).path("id");
        api.awaitFinalStatus(account.key, deploymentId, "success");
        return new Owned(projectId, deploymentId);
    }

    private void assertInvisible(Account viewer, Owned others) {
        String missingProject = Ids.newId("proj");
        String missingDeployment = Ids.newId("dep");
        String deploymentBody = "{\"project_id\":\"%s\",\"branch\":\"main\"}";
        String underProjectBody = "{\"branch\":\"main\",\"environment\":\"production\"}";

        assertSameAsMissing(viewer, others.projectId, missingProject, "errors/not-found-project.json",
                (request, id) -> request.get("/v1/projects/" + id));
        assertSameAsMissing(viewer, others.projectId, missingProject, "errors/not-found-project.json",
                (request, id) -> request.contentType(ContentType.JSON).body(deploymentBody.formatted(id))
                        .post("/v1/deployments"));
        assertSameAsMissing(viewer, others.projectId, missingProject, "errors/not-found-project.json",
                (request, id) -> request.contentType(ContentType.JSON).body(underProjectBody)
                        .post("/v1/projects/" + id + "/deployments"));
        assertSameAsMissing(viewer, others.deploymentId, missingDeployment, "errors/not-found-deployment.json",
                (request, id) -> request.get("/v1/deployments/" + id));
        assertSameAsMissing(viewer, others.deploymentId, missingDeployment, "errors/not-found-deployment.json",
                (request, id) -> request.get("/v1/deployments/" + id + "/logs"));
        assertSameAsMissing(viewer, others.deploymentId, missingDeployment, "errors/not-found-deployment.json",
                (request, id) -> request.post("/v1/deployments/" + id + "/cancel"));
        assertSameAsMissing(viewer, others.deploymentId, missingDeployment, "errors/not-found-deployment.json",
                (request, id) -> request.delete("/v1/deployments/" + id));
    }

    /**
     * The reply about another account's object is the reply about an id that exists nowhere,
     * byte for byte once the id in it is swapped: same status, same type, same body.
     */
    private void assertSameAsMissing(Account viewer, String othersId, String missingId, String fixture,
                                     BiFunction<RequestSpecification, String, Response> call) {
        Response missing = call.apply(api.as(viewer.key), missingId);
        Response others = call.apply(api.as(viewer.key), othersId);

        assertThat(missing.statusCode()).as(missing.asString()).isEqualTo(404);
        assertApiHeaders(missing);
        assertGolden(fixture, missing, api, Map.of("id", missingId));
        assertThat(others.statusCode()).as("%s asking about %s: %s", viewer.slug, othersId, others.asString())
                .isEqualTo(404);
        assertApiHeaders(others);
        assertThat(others.contentType()).isEqualTo(missing.contentType());
        assertThat(new String(others.asByteArray(), StandardCharsets.UTF_8).replace(othersId, missingId))
                .isEqualTo(new String(missing.asByteArray(), StandardCharsets.UTF_8));
    }

    private void assertListsOnlyOwn(Account viewer, Owned own, Owned others) {
        Response projects = api.as(viewer.key).queryParam("per_page", 100).get("/v1/projects");
        assertThat(projects.statusCode()).isEqualTo(200);
        List<String> projectIds = projects.path("data.id");
        assertThat(projectIds).containsExactly(own.projectId);
        assertThat(projects.<Integer>path("meta.total")).isEqualTo(1);

        Response deployments = api.as(viewer.key).queryParam("limit", 100).get("/v1/deployments");
        assertThat(deployments.statusCode()).isEqualTo(200);
        List<String> deploymentIds = deployments.path("data.id");
        assertThat(deploymentIds).containsExactly(own.deploymentId);
        assertThat(deployments.<Integer>path("meta.total")).isEqualTo(1);

        Response filtered = api.as(viewer.key).queryParam("project_id", others.projectId).get("/v1/deployments");
        assertThat(filtered.statusCode()).as(filtered.asString()).isEqualTo(200);
        assertThat(filtered.<List<String>>path("data")).isEmpty();
        assertThat(filtered.<Integer>path("meta.total")).isZero();
    }

    private record Account(String slug, String key, String keyId) {
    }

    private record Owned(String projectId, String deploymentId) {
    }
}
