package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.RepositoryId;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/repositories/{id}/previews}: the newest preview deployment per branch, by cursor. */
abstract class PreviewRoutesSpec extends V2Spec {

    PreviewRoutesSpec(Supplier<V2Api> server) {
        super(server);
    }

    private void branch(String repo, String name) {
        platform.sources.commit(new RepositoryId(repo), BranchName.parse("branch", name),
                List.of(new SourceFile("index.html", ("<h1>" + name + "</h1>").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void showsTheNewestPreviewOfEachBranchNewestFirst() {
        String repo = tenant.createRepository(Tenant.uniqueName("pv"));
        branch(repo, "feature-login");
        String oldMain = tenant.deploy(repo, "main", "preview");
        String mainDeployment = tenant.deploy(repo, "main", "preview");
        tenant.deploy(repo, "main", "production");
        String feature = tenant.deploy(repo, "feature-login", "preview");
        runPipelineOf(feature);

        Response previews = tenant.admin().get("/v2/repositories/" + repo + "/previews");

        assertThat(previews.statusCode()).as(previews.asString()).isEqualTo(200);
        assertThat(previews.header("Api-Version")).isEqualTo("v2");
        assertMatches("previews/list.response.json", previews.asString(),
                Map.of("feature_deployment", feature, "main_deployment", mainDeployment));
        assertThat(previews.asString()).doesNotContain(oldMain);
    }

    @Test
    void pagesByCursorAndRefusesACursorOfAnotherRepository() {
        String repo = tenant.createRepository(Tenant.uniqueName("pvpages"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "b" + i;
            branch(repo, name);
            expected.add(0, tenant.deploy(repo, name, "preview"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = tenant.admin().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v2/repositories/" + repo + "/previews");
            assertThat(page.statusCode()).isEqualTo(200);
            seen.addAll(page.<List<String>>path("data.deployment_id"));
            cursor = page.path("pagination.next_cursor");
            assertThat(page.<Boolean>path("pagination.has_more")).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);

        String firstCursor = tenant.admin().queryParam("limit", 1).get("/v2/repositories/" + repo + "/previews")
                .path("pagination.next_cursor");
        String otherRepo = tenant.createRepository(Tenant.uniqueName("pvother"));
        Response refused = tenant.admin().queryParam("cursor", firstCursor)
                .get("/v2/repositories/" + otherRepo + "/previews");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-cursor.json", refused.asString(),
                Map.of("request_id", refused.header("X-Request-Id")));
    }

    @Test
    void anUnknownOrForeignRepositoryIsNotFound() {
        Tenant other = api.newTenant();
        String theirs = other.createRepository(Tenant.uniqueName("theirs"));

        for (String id : new String[] {"repo_0000000000", theirs}) {
            Response missing = tenant.admin().get("/v2/repositories/" + id + "/previews");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertMatches("errors/not-found-repository.json", missing.asString(),
                    Map.of("request_id", missing.header("X-Request-Id"), "id", id));
        }
        Response noKey = api.anonymous().get("/v2/repositories/" + theirs + "/previews");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(tenant.admin().queryParam("limit", 0).get("/v2/repositories/" + theirs + "/previews")
                .statusCode()).isEqualTo(400);
    }
}
