package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.domain.apikey.Scope;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v2/repositories}: create, get, list by cursor with its filters, and their errors. */
abstract class RepositoryRoutesSpec extends V2Spec {

    RepositoryRoutesSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static Map<String, String> requestId(Response response) {
        return Map.of("request_id", response.header("X-Request-Id"));
    }

    private static Map<String, String> with(Response response, Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(more);
        all.put("request_id", response.header("X-Request-Id"));
        return all;
    }

    @Test
    void createsARepositoryAndShowsItAsCreated() {
        String name = Tenant.uniqueName("payments");
        Map<String, String> vars = Map.of("name", name, "owner", tenant.owner());

        Response created = tenant.admin().contentType(ContentType.JSON)
                .body(GoldenJson.request("repositories/create.request.json", vars)).post("/v2/repositories");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Api-Version")).isEqualTo("v2");
        assertMatches("repositories/create.response.json", created.asString(), vars);
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v2/repositories/"
                + created.path("id"));
    }

    @Test
    void aRepositoryIsPrivateByDefaultAndReadBack() {
        String name = Tenant.uniqueName("web");
        Response created = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"owner\":\"" + tenant.owner() + "\"}").post("/v2/repositories");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.path("id");

        Response fetched = tenant.admin().get("/v2/repositories/" + id);

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertMatches("repositories/get.response.json", fetched.asString(),
                Map.of("id", id, "name", name, "owner", tenant.owner()));
    }

    @Test
    void anUnknownRepositoryIsNotFound() {
        Response missing = tenant.admin().get("/v2/repositories/repo_0000000000");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-repository.json", missing.asString(),
                with(missing, Map.of("id", "repo_0000000000")));
    }

    @Test
    void anotherAccountsRepositoryIsNotFound() {
        String id = tenant.createRepository(Tenant.uniqueName("mine"));
        Tenant other = api.newTenant();

        Response foreign = other.admin().get("/v2/repositories/" + id);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-repository.json", foreign.asString(), with(foreign, Map.of("id", id)));
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = Tenant.uniqueName("twice");
        tenant.createRepository(name);

        Response again = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"owner\":\"" + tenant.owner() + "\"}").post("/v2/repositories");

        assertThat(again.statusCode()).isEqualTo(409);
        assertMatches("errors/already-exists.json", again.asString(), with(again, Map.of("name", name)));
    }

    @Test
    void anOwnerTheKeyDoesNotBelongToIsNotFound() {
        Response refused = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"abc\",\"owner\":\"someone-else\"}").post("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertMatches("errors/owner-not-found.json", refused.asString(), requestId(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"owner\":\"%s\"}", "{\"name\":null,\"owner\":\"%s\"}"})
    void aMissingNameIsAValidationFailure(String body) {
        Response refused = tenant.admin().contentType(ContentType.JSON).body(body.formatted(tenant.owner()))
                .post("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-missing-field.json", refused.asString(),
                with(refused, Map.of("field", "name")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"ab\",\"owner\":\"%s\"}", "{\"name\":\"%2$s\",\"owner\":\"%1$s\"}",
            "{\"name\":\"bad name\",\"owner\":\"%s\"}", "{\"name\":42,\"owner\":\"%s\"}"})
    void aNameOutsideItsRuleIsAValidationFailure(String body) {
        Response refused = tenant.admin().contentType(ContentType.JSON)
                .body(body.formatted(tenant.owner(), "x".repeat(31))).post("/v2/repositories");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", "name")));
    }

    @Test
    void aPrivateFlagThatIsNotABooleanIsAValidationFailure() {
        Response refused = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"abc\",\"owner\":\"" + tenant.owner() + "\",\"private\":\"yes\"}")
                .post("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", "private")));
    }

    @Test
    void unknownBodyFieldsAreIgnored() {
        Response created = tenant.admin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + Tenant.uniqueName("extra") + "\",\"owner\":\"" + tenant.owner()
                        + "\",\"homepage\":\"https://example.com\"}")
                .post("/v2/repositories");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    @Test
    void listsNewestFirstByCursorPages() {
        String first = tenant.createRepository(Tenant.uniqueName("one"));
        String secondName = Tenant.uniqueName("two");
        String second = tenant.createRepository(secondName);
        String third = tenant.createRepository(Tenant.uniqueName("three"));

        Response page1 = tenant.admin().queryParam("limit", 2).get("/v2/repositories");
        assertThat(page1.statusCode()).isEqualTo(200);
        assertThat(page1.<List<String>>path("data.id")).containsExactly(third, second);
        assertThat(page1.<Boolean>path("pagination.has_more")).isTrue();

        Response page2 = tenant.admin().queryParam("limit", 2)
                .queryParam("cursor", page1.<String>path("pagination.next_cursor")).get("/v2/repositories");
        assertThat(page2.<List<String>>path("data.id")).containsExactly(first);
        assertThat(page2.<Boolean>path("pagination.has_more")).isFalse();
        assertThat(page2.<String>path("pagination.next_cursor")).isNull();

        Response middle = tenant.admin().queryParam("limit", 1)
                .queryParam("cursor", tenant.admin().queryParam("limit", 1).get("/v2/repositories")
                        .<String>path("pagination.next_cursor"))
                .get("/v2/repositories");
        assertMatches("repositories/list.response.json", middle.asString(),
                Map.of("second_id", second, "second_name", secondName, "owner", tenant.owner()));
    }

    @Test
    void aCursorIsStableUnderInserts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, tenant.createRepository(Tenant.uniqueName("r" + i)));
        }
        Response page1 = tenant.admin().queryParam("limit", 2).get("/v2/repositories");
        String cursor = page1.path("pagination.next_cursor");

        tenant.createRepository(Tenant.uniqueName("late"));
        List<String> seen = new ArrayList<>(page1.<List<String>>path("data.id"));
        while (cursor != null) {
            Response next = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor).get("/v2/repositories");
            assertThat(next.statusCode()).isEqualTo(200);
            seen.addAll(next.<List<String>>path("data.id"));
            cursor = next.path("pagination.next_cursor");
        }

        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "eyJpZCI6MTIzfQ==", "MXxyZXBvc2l0b3JpZXN8MjAyNi0wMS0wMVQxMDowMDowMFp8cmVwb18x",
            "%%%", "a"})
    void aForgedCursorIsRefused(String cursor) {
        Response refused = tenant.admin().queryParam("cursor", cursor).get("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-cursor.json", refused.asString(), requestId(refused));
    }

    @Test
    void anEditedCursorIsRefused() {
        tenant.createRepository(Tenant.uniqueName("c1"));
        tenant.createRepository(Tenant.uniqueName("c2"));
        String cursor = tenant.admin().queryParam("limit", 1).get("/v2/repositories").path("pagination.next_cursor");
        char last = cursor.charAt(cursor.length() - 1);
        String edited = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        Response refused = tenant.admin().queryParam("cursor", edited).get("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.code")).isEqualTo("invalid_cursor");
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String repo = tenant.createRepository(Tenant.uniqueName("dl"));
        tenant.deploy(repo);
        tenant.deploy(repo);
        String deploymentsCursor = tenant.admin().queryParam("limit", 1).get("/v2/deployments")
                .path("pagination.next_cursor");
        assertThat(deploymentsCursor).isNotNull();

        Response refused = tenant.admin().queryParam("cursor", deploymentsCursor).get("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.code")).isEqualTo("invalid_cursor");
    }

    @Test
    void filtersByVisibilityAndOwner() {
        String hidden = tenant.createRepository(Tenant.uniqueName("priv"), true).path("id");
        String shown = tenant.createRepository(Tenant.uniqueName("pub"), false).path("id");

        assertThat(tenant.admin().queryParam("visibility", "public").get("/v2/repositories")
                .<List<String>>path("data.id")).containsExactly(shown);
        assertThat(tenant.admin().queryParam("visibility", "private").get("/v2/repositories")
                .<List<String>>path("data.id")).containsExactly(hidden);
        assertThat(tenant.admin().queryParam("visibility", "all").get("/v2/repositories")
                .<List<String>>path("data.id")).containsExactly(shown, hidden);
        assertThat(tenant.admin().queryParam("owner", tenant.owner()).get("/v2/repositories")
                .<List<String>>path("data.id")).hasSize(2);
        assertThat(tenant.admin().queryParam("owner", "someone-else").get("/v2/repositories")
                .<List<String>>path("data.id")).isEmpty();
    }

    @Test
    void aBadVisibilityNamesTheAllowedValues() {
        Response refused = tenant.admin().queryParam("visibility", "internal").get("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-visibility.json", refused.asString(), requestId(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "", "99999999999999999999"})
    void aLimitOutsideOneToAHundredIsAValidationFailure(String limit) {
        Response refused = tenant.admin().queryParam("limit", limit).get("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", "limit")));
    }

    @Test
    void aReadOnlyKeyCannotCreate() {
        String reader = tenant.key(Scope.READ);

        Response refused = api.as(reader).contentType(ContentType.JSON)
                .body("{\"name\":\"abc\",\"owner\":\"" + tenant.owner() + "\"}").post("/v2/repositories");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertMatches("errors/insufficient-scope.json", refused.asString(),
                with(refused, Map.of("scope", "deploy:write")));
        assertThat(api.as(reader).get("/v2/repositories").statusCode()).isEqualTo(200);
    }
}
