package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v3's unified cursor pagination: body and header agree, pages are stable, cursors are checked. */
abstract class PaginationSpec extends V3Spec {

    PaginationSpec(Supplier<V3Api> server) {
        super(server);
    }

    private List<String> createProjects(int count, boolean sameSecond) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!sameSecond) {
                platform.clock.advance(Duration.ofSeconds(1));
            }
            ids.add(0, tenant.createProject());
        }
        return ids;
    }

    @Test
    void theNextCursorIsInTheBodyAndTheHeaderAndTheLastPageHasNeither() {
        List<String> newestFirst = createProjects(3, false);

        Response first = tenant.admin().queryParam("limit", 2).get("/v3/projects");
        assertThat(first.<List<String>>path("projects.id")).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.<Boolean>path("pagination.has_more")).isTrue();
        String cursor = first.path("pagination.next_cursor");
        assertThat(cursor).isNotBlank().matches("[A-Za-z0-9_-]+");
        assertThat(first.header("X-Next-Cursor")).isEqualTo(cursor);

        Response last = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor).get("/v3/projects");
        assertThat(last.<List<String>>path("projects.id")).containsExactly(newestFirst.get(2));
        assertThat(last.<Boolean>path("pagination.has_more")).isFalse();
        assertThat(last.<String>path("pagination.next_cursor")).isNull();
        assertThat(last.headers().hasHeaderWithName("X-Next-Cursor")).isFalse();
    }

    @Test
    void theDefaultPageHoldsTwentyAndRowsCreatedInTheSameInstantPageByIdWithoutGapsOrRepeats() {
        List<String> created = createProjects(23, true);
        Response first = tenant.admin().get("/v3/projects");
        assertThat(first.<List<String>>path("projects")).hasSize(20);
        List<String> seen = new ArrayList<>(first.path("projects.id"));
        Response rest = tenant.admin().queryParam("cursor", first.<String>path("pagination.next_cursor"))
                .get("/v3/projects");
        seen.addAll(rest.path("projects.id"));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void pagesStayStableWhileRowsAreInserted() {
        List<String> newestFirst = createProjects(4, false);
        Response first = tenant.admin().queryParam("limit", 2).get("/v3/projects");
        String cursor = first.path("pagination.next_cursor");

        platform.clock.advance(Duration.ofSeconds(1));
        String inserted = tenant.createProject();

        Response second = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor).get("/v3/projects");
        assertThat(second.<List<String>>path("projects.id")).containsExactlyElementsOf(newestFirst.subList(2, 4))
                .doesNotContain(inserted);
        assertThat(tenant.admin().get("/v3/projects").<List<String>>path("projects.id")).first().isEqualTo(inserted);
    }

    @Test
    void deploymentListsPageTheSameWay() {
        String projectId = tenant.createProject();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            platform.clock.advance(Duration.ofSeconds(1));
            newestFirst.add(0, tenant.deploy(projectId));
        }
        String path = "/v3/projects/" + projectId + "/deployments";
        Response first = tenant.admin().queryParam("limit", 2).get(path);
        assertThat(first.<List<String>>path("deployments.id")).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.header("X-Next-Cursor")).isEqualTo(first.<String>path("pagination.next_cursor"));
        Response last = tenant.admin().queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("pagination.next_cursor")).get(path);
        assertThat(last.<List<String>>path("deployments.id")).containsExactly(newestFirst.get(2));

        Response wrongList = tenant.admin().queryParam("cursor", first.<String>path("pagination.next_cursor"))
                .get("/v3/projects");
        assertError(wrongList, 400, "invalid_cursor");
    }

    @Test
    void aForgedOrGarbledCursorIsRefused() {
        createProjects(3, false);
        String cursor = tenant.admin().queryParam("limit", 1).get("/v3/projects").path("pagination.next_cursor");
        String payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("\\|[0-9]+\\|", "|1|").getBytes(StandardCharsets.UTF_8));
        String handMade = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"id\":1023}".getBytes(StandardCharsets.UTF_8));

        for (String forged : List.of("garbage", "eyJpZCI6MTAyM30=", handMade, edited, cursor + "x",
                cursor.substring(0, cursor.length() - 2), "%00", "x".repeat(1000))) {
            Response refused = tenant.admin().queryParam("cursor", forged).get("/v3/projects");
            assertError(refused, 400, "invalid_cursor");
            GoldenJson.assertMatches("errors/invalid-cursor.json", refused.asString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "", "1.5", "99999999999999999999"})
    void aLimitOutsideOneToAHundredIsAValidationFailure(String value) {
        Response refused = tenant.admin().queryParam("limit", value).get("/v3/projects");
        assertError(refused, 400, "validation_failed");
        GoldenJson.assertMatches("errors/validation-limit.json", refused.asString(), Map.of("value", value));
    }
}
