package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyUseCase;
import dev.dotgit.application.port.in.idempotency.ClaimOutcome;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.domain.account.AccountSlug;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CONTRACT §2.6 over HTTP, in each version's words: a retry with the same Idempotency-Key and
 * body replays the first answer and creates nothing; another body is 422; a key whose first
 * request still runs is 409; a bad key is 400. Each test works in an account of its own, so
 * lists show exactly what it made.
 */
class IdempotencyTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final String KEY_HEADER = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    private final Api api = SERVER.api();

    private record Account(String slug, String secret) {
    }

    private Account newAccount() {
        String slug = "idem-" + ServerSettings.randomAlphanumeric(8);
        Response created = api.operator().contentType(ContentType.JSON)
                .body(Api.json(Map.of("slug", slug, "plan", "enterprise"))).post("/admin/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return new Account(slug, created.path("api_key.secret"));
    }

    private Response post(Account account, String path, String key, String body) {
        var request = api.as(account.secret()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header(KEY_HEADER, key);
        }
        return request.post(path);
    }

    private static String uniqueKey() {
        return "order-" + ServerSettings.randomAlphanumeric(12);
    }

    private static String name() {
        return "idem-" + ServerSettings.randomAlphanumeric(8).toLowerCase();
    }

    @Test
    void v1ReplaysTheFirstProjectAndCreatesNoSecondThenRefusesAnotherBodyAs422WithAStringCode() {
        Account account = newAccount();
        String key = uniqueKey();
        String body = Api.json(Map.of("name", name(), "framework", "nextjs"));

        Response first = post(account, "/v1/projects", key, body);
        Response retry = post(account, "/v1/projects", key, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Api-Version")).isEqualTo("v1");
        assertThat(retry.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(api.as(account.secret()).get("/v1/projects").<Integer>path("meta.total")).isEqualTo(1);

        Response reused = post(account, "/v1/projects", key, Api.json(Map.of("name", name())));

        assertThat(reused.statusCode()).as(reused.asString()).isEqualTo(422);
        assertThat(reused.<String>path("error.code")).isEqualTo("idempotency_key_reused");
        assertThat(reused.<String>path("error.message")).contains(key);
        assertThat(reused.<Map<String, Object>>path("error.details")).containsEntry("idempotency_key", key);
        assertThat(reused.header("Api-Version")).isEqualTo("v1");
        assertThat(api.as(account.secret()).get("/v1/projects").<Integer>path("meta.total")).isEqualTo(1);
    }

    @Test
    void v1ReplaysADeploymentOnEitherRoute() {
        Account account = newAccount();
        String projectId = post(account, "/v1/projects", null, Api.json(Map.of("name", name()))).path("id");
        String key = uniqueKey();
        String body = Api.json(Map.of("project_id", projectId, "branch", "main"));

        Response first = post(account, "/v1/deployments", key, body);
        Response retry = post(account, "/v1/deployments", key, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(api.as(account.secret()).get("/v1/deployments?project_id=" + projectId)
                .<Integer>path("meta.total")).isEqualTo(1);

        String underProject = Api.json(Map.of("branch", "main", "environment", "staging"));
        String otherKey = uniqueKey();
        Response second = post(account, "/v1/projects/" + projectId + "/deployments", otherKey, underProject);
        Response secondRetry = post(account, "/v1/projects/" + projectId + "/deployments", otherKey, underProject);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        assertThat(secondRetry.header(REPLAYED)).isEqualTo("true");
        assertThat(secondRetry.<String>path("id")).isEqualTo(second.path("id"));
        assertThat(api.as(account.secret()).get("/v1/deployments?project_id=" + projectId)
                .<Integer>path("meta.total")).isEqualTo(2);
    }

    @Test
    void v2ReplaysTheFirstRepositoryThenRefusesAnotherBodyInTheV2Envelope() {
        Account account = newAccount();
        String key = uniqueKey();
        String body = Api.json(Map.of("name", name(), "owner", account.slug()));

        Response first = post(account, "/v2/repositories", key, body);
        Response retry = post(account, "/v2/repositories", key, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Api-Version")).isEqualTo("v2");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(api.as(account.secret()).get("/v2/repositories?limit=100").<List<?>>path("data")).hasSize(1);

        Response reused = post(account, "/v2/repositories", key,
                Api.json(Map.of("name", name(), "owner", account.slug())));

        assertThat(reused.statusCode()).as(reused.asString()).isEqualTo(422);
        assertThat(reused.<String>path("error.code")).isEqualTo("idempotency_key_reused");
        assertThat(reused.<Integer>path("error.status")).isEqualTo(422);
        assertThat(reused.<String>path("error.details.request_id")).isEqualTo(reused.header("X-Request-Id"));
        assertThat(api.as(account.secret()).get("/v2/repositories?limit=100").<List<?>>path("data")).hasSize(1);
    }

    @Test
    void v3ReplaysTheFirstProjectThenRefusesAnotherBodyInTheV3Envelope() {
        Account account = newAccount();
        String key = uniqueKey();
        String body = Api.json(Map.of("name", name()));

        Response first = post(account, "/v3/projects", key, body);
        Response retry = post(account, "/v3/projects", key, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Api-Version")).isEqualTo("v3");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(api.as(account.secret()).get("/v3/projects?limit=100").<List<?>>path("projects")).hasSize(1);

        Response reused = post(account, "/v3/projects", key, Api.json(Map.of("name", name())));

        assertThat(reused.statusCode()).as(reused.asString()).isEqualTo(422);
        assertThat(reused.<String>path("error.code")).isEqualTo("idempotency_key_reused");
        assertThat(reused.<String>path("error.request_id")).isEqualTo(reused.header("X-Request-Id"));
        assertThat(api.as(account.secret()).get("/v3/projects?limit=100").<List<?>>path("projects")).hasSize(1);
    }

    @Test
    void aKeyWhoseFirstRequestStillRunsIs409InEachVersion() {
        Account account = newAccount();
        // A first request still in flight is simulated by claiming its key directly through the
        // in-process server's use case, exactly as the filter does before running the route.
        Map<String, String> bodies = Map.of(
                "/v1/projects", Api.json(Map.of("name", name())),
                "/v2/repositories", Api.json(Map.of("name", name(), "owner", account.slug())),
                "/v3/projects", Api.json(Map.of("name", name())));
        for (Map.Entry<String, String> route : bodies.entrySet()) {
            String key = uniqueKey();
            claimAsIfInFlight(account, key, route.getKey(), route.getValue());

            Response inUse = post(account, route.getKey(), key, route.getValue());

            assertThat(inUse.statusCode()).as(route.getKey() + ": " + inUse.asString()).isEqualTo(409);
            assertThat(inUse.<String>path("error.code")).isEqualTo("idempotency_key_in_use");
            assertThat(inUse.header(REPLAYED)).isNull();
        }
        Response v2 = post(account, "/v2/repositories", claimedKey(account, "/v2/repositories",
                bodies.get("/v2/repositories")), bodies.get("/v2/repositories"));
        assertThat(v2.<Integer>path("error.status")).isEqualTo(409);
        Response v3 = post(account, "/v3/projects", claimedKey(account, "/v3/projects", bodies.get("/v3/projects")),
                bodies.get("/v3/projects"));
        assertThat(v3.<String>path("error.request_id")).startsWith("req_");
        assertThat(api.as(account.secret()).get("/v3/projects?limit=100").<List<?>>path("projects")).isEmpty();
    }

    private String claimedKey(Account account, String path, String body) {
        String key = uniqueKey();
        claimAsIfInFlight(account, key, path, body);
        return key;
    }

    private void claimAsIfInFlight(Account account, String key, String path, String body) {
        ClaimIdempotencyKeyUseCase claims = SERVER.server().context().getBean(ClaimIdempotencyKeyUseCase.class);
        ClaimOutcome outcome = claims.claim(ClaimIdempotencyKeyCommand.of(new AccountSlug(account.slug()), key, "POST",
                path, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome).isInstanceOf(ClaimOutcome.New.class);
    }

    @Test
    void twentyConcurrentPostsWithOneKeyCreateOneProjectAndEveryOtherReplaysItOrIsToldTheKeyIsInUse()
            throws Exception {
        Account account = newAccount();
        String key = uniqueKey();
        String body = Api.json(Map.of("name", name()));
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.add(() -> post(account, "/v3/projects", key, body));
            }
            for (Future<Response> answer : clients.invokeAll(requests, 120, TimeUnit.SECONDS)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> originals = created.stream().filter(r -> r.header(REPLAYED) == null).toList();
        assertThat(originals).hasSize(1);
        Set<String> ids = new HashSet<>();
        created.forEach(r -> ids.add(r.path("id")));
        assertThat(ids).containsExactly(originals.get(0).<String>path("id"));
        for (Response other : answers) {
            if (other.statusCode() != 201) {
                assertThat(other.statusCode()).as(other.asString()).isEqualTo(409);
                assertThat(other.<String>path("error.code")).isEqualTo("idempotency_key_in_use");
            }
        }
        assertThat(api.as(account.secret()).get("/v3/projects?limit=100").<List<?>>path("projects")).hasSize(1);
        Response later = post(account, "/v3/projects", key, body);
        assertThat(later.header(REPLAYED)).isEqualTo("true");
        assertThat(later.<String>path("id")).isEqualTo(originals.get(0).path("id"));
    }

    @Test
    void anOverlongKeyIs400NamingTheHeaderInEachVersion() {
        Account account = newAccount();
        String key = "k".repeat(256);

        Response v1 = post(account, "/v1/projects", key, Api.json(Map.of("name", name())));
        Response v2 = post(account, "/v2/repositories", key, Api.json(Map.of("name", name(), "owner", account.slug())));
        Response v3 = post(account, "/v3/projects", key, Api.json(Map.of("name", name())));

        for (Response answer : List.of(v1, v2, v3)) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
            assertThat(answer.<String>path("error.code")).isEqualTo("validation_failed");
            assertThat(answer.<String>path("error.details.field")).isEqualTo(KEY_HEADER);
            assertThat(answer.asString()).doesNotContain(key);
        }
        assertThat(v2.<Integer>path("error.status")).isEqualTo(400);
        assertThat(v3.<String>path("error.request_id")).startsWith("req_");
        assertThat(post(account, "/v1/projects", "k".repeat(255), Api.json(Map.of("name", name()))).statusCode())
                .isEqualTo(201);
        assertThat(api.as(account.secret()).get("/v1/projects").<Integer>path("meta.total")).isEqualTo(1);
    }

    @Test
    void aFailedFirstRequestIsNotReplayedSoTheKeyCanBeUsedAgain() {
        Account account = newAccount();
        String key = uniqueKey();
        String bad = Api.json(Map.of("name", ""));

        Response first = post(account, "/v3/projects", key, bad);
        Response again = post(account, "/v3/projects", key, bad);
        Response fixed = post(account, "/v3/projects", key, Api.json(Map.of("name", name())));

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.header(REPLAYED)).isNull();
        assertThat(fixed.statusCode()).as(fixed.asString()).isEqualTo(201);
        assertThat(fixed.header(REPLAYED)).isNull();
    }

    @Test
    void aRequestWithoutTheKeyIsUntouchedAndAnUnauthenticatedOneIsStill401() {
        Account account = newAccount();
        String body = Api.json(Map.of("name", "ci reader", "scopes", List.of("deploy:read")));

        Response first = post(account, "/v3/api-keys", null, body);
        Response second = post(account, "/v3/api-keys", null, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.<String>path("id")).isNotEqualTo(first.path("id"));
        assertThat(second.header(REPLAYED)).isNull();

        Response anonymous = api.anonymous().contentType(ContentType.JSON).header(KEY_HEADER, uniqueKey())
                .body(Api.json(Map.of("name", name()))).post("/v3/projects");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.<String>path("error.code")).isEqualTo("missing_api_key");
    }

    @Test
    void aReplayedKeyCreationDoesNotShowTheSecretAgain() {
        Account account = newAccount();
        String key = uniqueKey();
        String body = Api.json(Map.of("name", "deployer", "scopes", List.of("deploy:write")));

        Response first = post(account, "/v3/api-keys", key, body);
        Response retry = post(account, "/v3/api-keys", key, body);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        String secret = first.path("secret");
        assertThat(secret).startsWith("gsk_live_");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.asString()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(api.as(account.secret()).get("/v3/api-keys?limit=100").<List<?>>path("api_keys")).hasSize(2);
    }
}
