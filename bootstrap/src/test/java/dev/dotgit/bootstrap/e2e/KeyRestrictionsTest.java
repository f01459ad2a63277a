package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createAccount;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createProject;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.deploy;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.issueKey;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.keyBody;
import static dev.dotgit.bootstrap.e2e.support.VersionEnvelopes.assertRefusedAsRestricted;
import static dev.dotgit.bootstrap.e2e.support.VersionEnvelopes.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.HiddenObjectRoutes.Kind;
import dev.dotgit.bootstrap.e2e.HiddenObjectRoutes.Names;
import dev.dotgit.bootstrap.e2e.HiddenObjectRoutes.ObjectRoute;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Account;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Project;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.KeyClient;
import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key restrictions (CONTRACT §2.2) on every route that names an object, in every version. One
 * account with projects A and B, each with a live production and a live preview deployment, and
 * two admin-scoped keys: one restricted to project A, one restricted to the preview environment.
 * What a key's restrictions exclude answers exactly like an id that exists nowhere and is missing
 * from every list (whose counts agree); what the key may not do account-wide, or the environment
 * it may not deploy to, is a 403 {@code insufficient_scope}. The keys hold every scope, so each
 * refusal here is the restriction's doing, never the scope's.
 */
class KeyRestrictionsTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static Account account;
    private static Project projectA;
    private static Project projectB;
    private static Map<String, String> deploymentOf;
    private static KeyClient onlyA;
    private static KeyClient previewOnly;

    @BeforeAll
    static void buildTwoProjectsWithProductionAndPreviewDeployments() {
        account = createAccount(SERVER.api(), "restrict");
        KeyClient admin = account.admin();
        projectA = createProject(admin, "restrict-a", null);
        projectB = createProject(admin, "restrict-b", null);
        // Four deployments at once, then wait for each: the pipelines run side by side.
        deploymentOf = Map.of(
                "a-production", deploy(admin, projectA.id(), "production"),
                "a-preview", deploy(admin, projectA.id(), "preview"),
                "b-production", deploy(admin, projectB.id(), "production"),
                "b-preview", deploy(admin, projectB.id(), "preview"));
        deploymentOf.values().forEach(id -> SERVER.api().awaitFinalStatus(admin.secret(), id, "success"));
        onlyA = issueKey(admin, List.of("deploy:admin"), List.of(projectA.id()), List.of());
        previewOnly = issueKey(admin, List.of("deploy:admin"), List.of(), List.of("preview"));
    }

    private static Names namesOf(Project project, String deployment) {
        return new Names(project.id(), project.name(), project.repositoryId(), deployment, Map.of(), Map.of(), null, null,
                Map.of());
    }

    private static Names madeUp() {
        return Names.madeUp(Map.of());
    }

    @TestFactory
    Stream<DynamicTest> everyObjectOfAnotherProjectAnswersAsAMadeUpId() {
        List<ObjectRoute> routes = HiddenObjectRoutes.of(EnumSet.of(Kind.PROJECT, Kind.REPOSITORY, Kind.DEPLOYMENT));
        Stream<DynamicTest> tries = routes.stream().flatMap(route -> Stream.of("b-production", "b-preview")
                .filter(deployment -> route.kind() == Kind.DEPLOYMENT || deployment.equals("b-production"))
                .map(deployment -> DynamicTest.dynamicTest(route.name() + " on " + deployment,
                        () -> HiddenObjectRoutes.assertAnswersAsMissing(route, onlyA,
                                namesOf(projectB, deploymentOf.get(deployment)), madeUp()))));
        return Stream.concat(tries, Stream.of(nothingChanged()));
    }

    @TestFactory
    Stream<DynamicTest> productionDeploymentsAnswerAsAMadeUpIdToAPreviewOnlyKey() {
        Stream<DynamicTest> tries = HiddenObjectRoutes.of(EnumSet.of(Kind.DEPLOYMENT)).stream().flatMap(route -> Stream.of(
                        "a-production", "b-production")
                .map(deployment -> DynamicTest.dynamicTest(route.name() + " on " + deployment,
                        () -> HiddenObjectRoutes.assertAnswersAsMissing(route, previewOnly,
                                namesOf(deployment.startsWith("a") ? projectA : projectB, deploymentOf.get(deployment)),
                                madeUp()))));
        return Stream.concat(tries, Stream.of(nothingChanged()));
    }

    /** Run last in each stream of tries: what the restricted keys tried changed nothing. */
    private static DynamicTest nothingChanged() {
        return DynamicTest.dynamicTest("nothing the restricted key tried changed anything", () -> {
            KeyClient admin = account.admin();
            for (String id : deploymentOf.values()) {
                Reply deployment = admin.get("/v3/deployments/" + id);
                assertThat(deployment.status()).as(deployment.describe()).isEqualTo(200);
                assertThat(deployment.<String>path("status")).as(id).isEqualTo("live");
            }
            for (Project project : List.of(projectA, projectB)) {
                assertThat(admin.get("/v3/projects/" + project.id()).<String>path("status")).isEqualTo("active");
            }
            assertThat(admin.get("/v1/deployments").<Integer>path("meta.total")).isEqualTo(4);
        });
    }

    @Test
    void listsShowOnlyTheRestrictedProjectAndCountIt() {
        String a = projectA.id();
        List<String> deploymentsOfA = List.of(deploymentOf.get("a-preview"), deploymentOf.get("a-production"));

        Reply v1Projects = onlyA.get("/v1/projects", Map.of("per_page", 100));
        assertThat(v1Projects.<List<String>>path("data.id")).containsExactly(a);
        assertThat(v1Projects.<Integer>path("meta.total")).isEqualTo(1);
        Reply v1Deployments = onlyA.get("/v1/deployments", Map.of("limit", 100));
        assertThat(v1Deployments.<List<String>>path("data.id")).containsExactlyInAnyOrderElementsOf(deploymentsOfA);
        assertThat(v1Deployments.<Integer>path("meta.total")).isEqualTo(2);
        Reply v1OfB = onlyA.get("/v1/deployments", Map.of("project_id", projectB.id()));
        assertThat(v1OfB.status()).as(v1OfB.describe()).isEqualTo(200);
        assertThat(v1OfB.<List<String>>path("data")).isEmpty();
        assertThat(v1OfB.<Integer>path("meta.total")).isZero();

        assertThat(onlyA.get("/v2/repositories", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactly(projectA.repositoryId());
        assertThat(onlyA.get("/v2/deployments", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactlyInAnyOrderElementsOf(deploymentsOfA);
        Reply v2OfB = onlyA.get("/v2/deployments", Map.of("repo_id", projectB.repositoryId()));
        assertThat(v2OfB.status()).as(v2OfB.describe()).isEqualTo(200);
        assertThat(v2OfB.<List<String>>path("data")).isEmpty();

        assertThat(onlyA.get("/v3/projects", Map.of("limit", 100)).<List<String>>path("projects.id"))
                .containsExactly(a);
        assertThat(onlyA.get("/v3/projects/" + a + "/deployments", Map.of("limit", 100))
                .<List<String>>path("deployments.id")).containsExactlyInAnyOrderElementsOf(deploymentsOfA);

        // The same lists through the unrestricted admin key hold both projects: the restriction did the filtering.
        assertThat(account.admin().get("/v1/projects").<Integer>path("meta.total")).isEqualTo(2);
        assertThat(account.admin().get("/v1/deployments").<Integer>path("meta.total")).isEqualTo(4);
    }

    @Test
    void listsShowOnlyPreviewDeploymentsToAPreviewOnlyKeyAndCountThem() {
        List<String> previews = List.of(deploymentOf.get("a-preview"), deploymentOf.get("b-preview"));

        Reply v1 = previewOnly.get("/v1/deployments", Map.of("limit", 100));
        assertThat(v1.<List<String>>path("data.id")).containsExactlyInAnyOrderElementsOf(previews);
        assertThat(v1.<Integer>path("meta.total")).isEqualTo(2);
        assertThat(previewOnly.get("/v2/deployments", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactlyInAnyOrderElementsOf(previews);
        assertThat(previewOnly.get("/v3/projects/" + projectA.id() + "/deployments")
                .<List<String>>path("deployments.id")).containsExactly(deploymentOf.get("a-preview"));
        Reply v3Production = previewOnly.get("/v3/projects/" + projectA.id() + "/deployments",
                Map.of("environment", "production"));
        assertThat(v3Production.status()).as(v3Production.describe()).isEqualTo(200);
        assertThat(v3Production.<List<String>>path("deployments")).isEmpty();
        assertThat(previewOnly.get("/v2/repositories/" + projectA.repositoryId() + "/previews")
                .<List<String>>path("data.deployment_id")).containsExactly(deploymentOf.get("a-preview"));
        // Projects are not environment-bound: the key sees both.
        assertThat(previewOnly.get("/v3/projects").<List<String>>path("projects.id"))
                .containsExactlyInAnyOrder(projectA.id(), projectB.id());
    }

    @Test
    void aPreviewOnlyKeyDeploysPreviewsButNothingElseAndCannotArchive() {
        String a = projectA.id();
        Map<String, Function<String, Reply>> triggers = Map.of(
                "POST /v1/projects/{projectId}/deployments", env -> previewOnly.post(
                        "/v1/projects/" + a + "/deployments", Map.of("branch", "main", "environment", env)),
                "POST /v1/deployments", env -> previewOnly.post("/v1/deployments",
                        Map.of("project_id", a, "branch", "main", "environment", env)),
                "POST /v2/deployments", env -> previewOnly.post("/v2/deployments",
                        Map.of("repo_id", projectA.repositoryId(), "branch", "main", "env", env)),
                "POST /v3/projects/{projectId}/deployments", env -> previewOnly.post(
                        "/v3/projects/" + a + "/deployments", Map.of("branch", "main", "environment", env)));
        triggers.forEach((route, trigger) -> {
            for (String environment : List.of("production", "staging")) {
                Reply refused = trigger.apply(environment);
                assertRefusedAsRestricted(versionOf(route.substring(route.indexOf(' ') + 1)), refused,
                        route + " to " + environment);
                assertThat(refused.body()).as(route).contains(environment);
            }
        });
        assertThat(account.admin().get("/v1/deployments").<Integer>path("meta.total")).as("nothing was created")
                .isEqualTo(4);
        // Archiving would stop production deployments too, which this key may not touch.
        assertRefusedAsRestricted("v3", previewOnly.post("/v3/projects/" + a + "/archive"), "archive by a preview key");
        assertThat(account.admin().get("/v3/projects/" + a).<String>path("status")).isEqualTo("active");

        // Preview works, and the key may see, follow and remove what it made.
        Reply created = triggers.get("POST /v3/projects/{projectId}/deployments").apply("preview");
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        String id = created.path("id");
        assertThat(previewOnly.get("/v2/deployments/" + id).status()).isEqualTo(200);
        assertThat(previewOnly.delete("/v3/deployments/" + id).status()).isEqualTo(204);
        assertThat(account.admin().get("/v3/deployments/" + id).status()).isEqualTo(404);
    }

    @Test
    void aProjectRestrictedKeyWorksOnItsOwnProject() {
        assertThat(onlyA.get("/v3/projects/" + projectA.id()).status()).isEqualTo(200);
        assertThat(onlyA.get("/v2/repositories/" + projectA.repositoryId()).status()).isEqualTo(200);
        assertThat(onlyA.get("/v1/deployments/" + deploymentOf.get("a-production") + "/logs").status()).isEqualTo(200);
        Reply created = onlyA.post("/v2/deployments", Map.of("project", projectA.name(), "branch", "main"));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        assertThat(onlyA.delete("/v1/deployments/" + created.<String>path("id")).status()).isEqualTo(204);
    }

    @Test
    void accountWideActionsAreRefusedToRestrictedKeysEvenWithTheAdminScope() {
        String someKey = issueKey(account.admin(), List.of("deploy:read"), List.of(), List.of()).id();
        Map<String, Function<KeyClient, Reply>> accountWide = Map.ofEntries(
                Map.entry("POST /v1/projects", k -> k.post("/v1/projects", Map.of("name", unique()))),
                Map.entry("POST /v3/projects", k -> k.post("/v3/projects", Map.of("name", unique()))),
                Map.entry("POST /v2/repositories", k -> k.post("/v2/repositories",
                        Map.of("name", unique(), "owner", account.slug()))),
                Map.entry("POST /v3/api-keys", k -> k.post("/v3/api-keys",
                        keyBody(List.of("deploy:read"), List.of(projectA.id()), List.of("preview")))),
                Map.entry("GET /v3/api-keys", k -> k.get("/v3/api-keys")),
                Map.entry("DELETE /v3/api-keys/{id}", k -> k.delete("/v3/api-keys/" + someKey)),
                Map.entry("POST /v2/webhooks", k -> k.post("/v2/webhooks",
                        Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("deploy.success")))),
                Map.entry("GET /v2/webhooks", k -> k.get("/v2/webhooks")),
                Map.entry("POST /v3/webhooks", k -> k.post("/v3/webhooks",
                        Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("deployment.created")))),
                Map.entry("GET /v3/webhooks", k -> k.get("/v3/webhooks")));
        for (KeyClient restricted : List.of(onlyA, previewOnly)) {
            accountWide.forEach((route, call) -> assertRefusedAsRestricted(
                    versionOf(route.substring(route.indexOf(' ') + 1)), call.apply(restricted),
                    route + " with a key restricted to " + (restricted == onlyA ? "project A" : "preview")));
        }
        // The key the restricted keys tried to revoke still works.
        assertThat(account.admin().get("/v3/api-keys").<List<String>>path("api_keys.id")).contains(someKey);
    }

    /**
     * CONTRACT §2.2: only an unrestricted admin key issues keys, never reaching beyond itself. A
     * key with just {@code deploy:admin} holds every scope (they nest) and every project, so all it
     * can issue is narrower or equal; what a restricted key or a lesser scope asks is refused above
     * and in {@link ScopeMatrixTest}.
     */
    @Test
    void anUnrestrictedAdminKeyIssuesKeysUpToItsOwnReachAndTheyKeepTheirRestrictions() {
        KeyClient adminOnly = issueKey(account.admin(), List.of("deploy:admin"), List.of(), List.of());
        KeyClient writeOnly = issueKey(account.admin(), List.of("deploy:write"), List.of(), List.of());

        Reply everyScope = adminOnly.post("/v3/api-keys",
                keyBody(List.of("deploy:read", "deploy:write", "deploy:admin"), List.of(), List.of()));
        assertThat(everyScope.status()).as(everyScope.describe()).isEqualTo(201);

        Reply narrow = adminOnly.post("/v3/api-keys",
                keyBody(List.of("deploy:write"), List.of(projectB.id()), List.of("preview")));
        assertThat(narrow.status()).as(narrow.describe()).isEqualTo(201);
        assertThat(narrow.<List<String>>path("project_ids")).containsExactly(projectB.id());
        assertThat(narrow.<List<String>>path("environments")).containsExactly("preview");
        KeyClient issued = new KeyClient(SERVER.api(), narrow.path("id"), narrow.path("secret"));
        assertThat(issued.get("/v3/deployments/" + deploymentOf.get("b-preview")).status()).isEqualTo(200);
        assertThat(issued.get("/v3/deployments/" + deploymentOf.get("b-production")).status()).isEqualTo(404);
        assertThat(issued.get("/v3/projects/" + projectA.id()).status()).isEqualTo(404);

        // Nor in time: a key that expires issues only keys that expire no later.
        Map<String, Object> expiringBody = keyBody(List.of("deploy:admin"), List.of(), List.of());
        expiringBody.put("expires_at", "2030-01-31T12:00:00Z");
        Reply expiringCreated = adminOnly.post("/v3/api-keys", expiringBody);
        assertThat(expiringCreated.status()).as(expiringCreated.describe()).isEqualTo(201);
        KeyClient expiring = new KeyClient(SERVER.api(), expiringCreated.path("id"), expiringCreated.path("secret"));
        for (String outlives : List.of("", "2030-01-31T12:00:01Z")) {
            Map<String, Object> body = keyBody(List.of("deploy:read"), List.of(), List.of());
            if (!outlives.isEmpty()) {
                body.put("expires_at", outlives);
            }
            Reply refused = expiring.post("/v3/api-keys", body);
            assertThat(refused.status()).as(refused.describe()).isEqualTo(400);
            assertThat(refused.<String>path("error.code")).isEqualTo("validation_failed");
            assertThat(refused.<String>path("error.details.field")).isEqualTo("expires_at");
            assertThat(refused.<String>path("error.message")).contains("2030-01-31T12:00:00Z");
        }
        Map<String, Object> sooner = keyBody(List.of("deploy:read"), List.of(), List.of());
        sooner.put("expires_at", "2030-01-01T00:00:00Z");
        assertThat(expiring.post("/v3/api-keys", sooner).status()).isEqualTo(201);

        // A lesser scope cannot issue even a narrower key than its own.
        Reply byWriter = writeOnly.post("/v3/api-keys", keyBody(List.of("deploy:read"), List.of(), List.of()));
        assertThat(byWriter.status()).as(byWriter.describe()).isEqualTo(403);
        assertThat(byWriter.<String>path("error.code")).isEqualTo("insufficient_scope");
    }

    private static String unique() {
        return "restrict-new-" + ServerSettings.randomAlphanumeric(8);
    }
}
