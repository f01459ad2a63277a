package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createAccount;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createProject;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.deploy;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.deployLive;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.issueKey;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.newestDelivery;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.subscribe;
import static dev.dotgit.bootstrap.e2e.support.VersionEnvelopes.assertInsufficientScope;
import static dev.dotgit.bootstrap.e2e.support.VersionEnvelopes.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Account;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Project;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Receiver;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.KeyClient;
import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CONTRACT §2.2 from the outside, on every route of every version: three keys holding exactly
 * {@code deploy:read}, {@code deploy:write} and {@code deploy:admin}. On each route the lowest
 * scope the contract grants gets through (on real objects, with the route's success status), and
 * every key below it gets 403 {@code insufficient_scope} naming the missing scope, in the route's
 * version's envelope. Read routes are also tried with the two wider keys (the scopes nest).
 *
 * <p>{@link #ROUTES} is the table: a new route is one line, and
 * {@link #everyVersionedRouteTheServerKnowsIsInTheTable()} fails until it is there.
 */
class ScopeMatrixTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    static final String READ = "deploy:read";
    static final String WRITE = "deploy:write";
    static final String ADMIN = "deploy:admin";
    private static final List<String> SCOPES = List.of(READ, WRITE, ADMIN);

    private static Receiver receiver;
    private static Account account;
    private static Map<String, KeyClient> keyWith;
    private static Project project;
    private static Project slowProject;
    private static String deployment;
    private static Map<String, String> webhook;
    private static Map<String, String> delivery;
    private static String standingServiceAccount;

    /** One route: its method and path template exactly as the router knows them, and how to call it. */
    record ScopedRoute(String method, String template, String minimum, int success, Call call) {

        String name() {
            return method + " " + template;
        }
    }

    /** Sends the route's request with a key, naming objects through {@code targets}. */
    @FunctionalInterface
    interface Call {
        Reply send(KeyClient key, Targets targets);
    }

    /**
     * The objects a call names. Refused calls get the standing ones (a refusal changes nothing);
     * calls that get through and change or remove their object get a new one each time.
     */
    record Targets(boolean fresh) {

        String disposableDeployment() {
            return fresh ? deploy(account.admin(), project.id(), "preview") : deployment;
        }

        /** Active for 30 s (its build sleeps), so a cancel always finds it cancellable. */
        String runningDeployment() {
            return fresh ? deploy(account.admin(), slowProject.id(), "preview") : deployment;
        }

        String disposableProject() {
            return fresh ? createProject(account.admin(), "scopes-archive", null).id() : project.id();
        }

        String disposableWebhook(String version) {
            return fresh ? subscribe(account.admin(), version, receiver.url(), events(version)) : webhook.get(version);
        }

        String disposableServiceAccount() {
            return fresh ? createServiceAccount(account.admin()) : standingServiceAccount;
        }

        String disposableKey() {
            return fresh ? issueKey(account.admin(), List.of(READ), List.of(), List.of()).id() : keyWith.get(READ).id();
        }
    }

    private static ScopedRoute route(String method, String template, String minimum, int success, Call call) {
        return new ScopedRoute(method, template, minimum, success, call);
    }

    private static String unique(String base) {
        return base + "-" + ServerSettings.randomAlphanumeric(8);
    }

    private static Map<String, Object> serviceAccountBody() {
        return Map.of("name", unique("robot"), "scopes", List.of(READ));
    }

    private static String createServiceAccount(KeyClient admin) {
        Reply created = admin.post("/v2/service-accounts", serviceAccountBody());
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return created.path("id");
    }

    private static List<String> events(String version) {
        return version.equals("v2") ? List.of("deploy.success") : List.of("deployment.created");
    }

    static final List<ScopedRoute> ROUTES = List.of(
            // v1
            route("GET", "/v1/projects", READ, 200, (k, t) -> k.get("/v1/projects")),
            route("POST", "/v1/projects", WRITE, 201, (k, t) -> k.post("/v1/projects", Map.of("name", unique("s1")))),
            route("GET", "/v1/projects/{id}", READ, 200, (k, t) -> k.get("/v1/projects/" + project.id())),
            route("POST", "/v1/projects/{projectId}/deployments", WRITE, 201, (k, t) -> k.post(
                    "/v1/projects/" + project.id() + "/deployments", Map.of("branch", "main", "environment", "preview"))),
            route("POST", "/v1/deployments", WRITE, 201, (k, t) -> k.post("/v1/deployments",
                    Map.of("project_id", project.id(), "branch", "main", "environment", "preview"))),
            route("GET", "/v1/deployments", READ, 200, (k, t) -> k.get("/v1/deployments")),
            route("GET", "/v1/deployments/{id}", READ, 200, (k, t) -> k.get("/v1/deployments/" + deployment)),
            route("POST", "/v1/deployments/{id}/cancel", WRITE, 200,
                    (k, t) -> k.post("/v1/deployments/" + t.runningDeployment() + "/cancel")),
            route("DELETE", "/v1/deployments/{id}", ADMIN, 204,
                    (k, t) -> k.delete("/v1/deployments/" + t.disposableDeployment())),
            route("GET", "/v1/deployments/{id}/logs", READ, 200,
                    (k, t) -> k.get("/v1/deployments/" + deployment + "/logs")),
            // v2
            route("GET", "/v2/repositories", READ, 200, (k, t) -> k.get("/v2/repositories")),
            route("POST", "/v2/repositories", WRITE, 201, (k, t) -> k.post("/v2/repositories",
                    Map.of("name", unique("s2"), "owner", account.slug()))),
            route("GET", "/v2/repositories/{id}", READ, 200,
                    (k, t) -> k.get("/v2/repositories/" + project.repositoryId())),
            route("GET", "/v2/repositories/{id}/previews", READ, 200,
                    (k, t) -> k.get("/v2/repositories/" + project.repositoryId() + "/previews")),
            route("POST", "/v2/deployments", WRITE, 201, (k, t) -> k.post("/v2/deployments",
                    Map.of("repo_id", project.repositoryId(), "branch", "main", "env", "preview"))),
            route("GET", "/v2/deployments", READ, 200, (k, t) -> k.get("/v2/deployments")),
            route("GET", "/v2/deployments/{id}", READ, 200, (k, t) -> k.get("/v2/deployments/" + deployment)),
            route("POST", "/v2/deployments/{id}/cancel", WRITE, 200,
                    (k, t) -> k.post("/v2/deployments/" + t.runningDeployment() + "/cancel")),
            // The WebSocket, followed to its end frame and normal close.
            route("GET", "/v2/deployments/{id}/logs", READ, 101, (k, t) -> new Reply(101, Map.of(),
                    String.join("\n", k.followWebSocket("/v2/deployments/" + deployment + "/logs")))),
            route("POST", "/v2/webhooks", ADMIN, 201, (k, t) -> k.post("/v2/webhooks",
                    Map.of("url", receiver.url(), "events", events("v2")))),
            route("GET", "/v2/webhooks", ADMIN, 200, (k, t) -> k.get("/v2/webhooks")),
            route("GET", "/v2/webhooks/{id}", ADMIN, 200, (k, t) -> k.get("/v2/webhooks/" + webhook.get("v2"))),
            route("DELETE", "/v2/webhooks/{id}", ADMIN, 204,
                    (k, t) -> k.delete("/v2/webhooks/" + t.disposableWebhook("v2"))),
            route("GET", "/v2/webhooks/{id}/deliveries", ADMIN, 200,
                    (k, t) -> k.get("/v2/webhooks/" + webhook.get("v2") + "/deliveries")),
            route("POST", "/v2/webhooks/{id}/deliveries/{delivery_id}/redeliver", ADMIN, 202, (k, t) -> k.post(
                    "/v2/webhooks/" + webhook.get("v2") + "/deliveries/" + delivery.get("v2") + "/redeliver")),
            // v3
            route("POST", "/v2/service-accounts", ADMIN, 201, (k, t) -> k.post("/v2/service-accounts",
                    serviceAccountBody())),
            route("GET", "/v2/service-accounts", ADMIN, 200, (k, t) -> k.get("/v2/service-accounts")),
            route("DELETE", "/v2/service-accounts/{id}", ADMIN, 204,
                    (k, t) -> k.delete("/v2/service-accounts/" + t.disposableServiceAccount())),
            route("GET", "/v3/projects", READ, 200, (k, t) -> k.get("/v3/projects")),
            route("POST", "/v3/projects", WRITE, 201, (k, t) -> k.post("/v3/projects", Map.of("name", unique("s3")))),
            route("GET", "/v3/projects/{id}", READ, 200, (k, t) -> k.get("/v3/projects/" + project.id())),
            route("POST", "/v3/projects/{id}/archive", ADMIN, 200,
                    (k, t) -> k.post("/v3/projects/" + t.disposableProject() + "/archive")),
            route("POST", "/v3/projects/{projectId}/deployments", WRITE, 201, (k, t) -> k.post(
                    "/v3/projects/" + project.id() + "/deployments", Map.of("branch", "main", "environment", "preview"))),
            route("GET", "/v3/projects/{projectId}/deployments", READ, 200,
                    (k, t) -> k.get("/v3/projects/" + project.id() + "/deployments")),
            route("GET", "/v3/deployments/{id}", READ, 200, (k, t) -> k.get("/v3/deployments/" + deployment)),
            route("POST", "/v3/deployments/{id}/cancel", WRITE, 200,
                    (k, t) -> k.post("/v3/deployments/" + t.runningDeployment() + "/cancel")),
            route("DELETE", "/v3/deployments/{id}", ADMIN, 204,
                    (k, t) -> k.delete("/v3/deployments/" + t.disposableDeployment())),
            route("GET", "/v3/deployments/{id}/logs", READ, 200,
                    (k, t) -> k.get("/v3/deployments/" + deployment + "/logs")),
            // The event stream, read to its end event; the reply's body lists the events' names.
            route("GET", "/v3/sse/logs/{id}", READ, 200, (k, t) -> k.eventStreamReply("/v3/sse/logs/" + deployment)),
            route("POST", "/v3/api-keys", ADMIN, 201, (k, t) -> k.post("/v3/api-keys", Map.of("scopes", List.of(READ)))),
            route("GET", "/v3/api-keys", ADMIN, 200, (k, t) -> k.get("/v3/api-keys")),
            route("DELETE", "/v3/api-keys/{id}", ADMIN, 204, (k, t) -> k.delete("/v3/api-keys/" + t.disposableKey())),
            route("POST", "/v3/webhooks", ADMIN, 201, (k, t) -> k.post("/v3/webhooks",
                    Map.of("url", receiver.url(), "events", events("v3")))),
            route("GET", "/v3/webhooks", ADMIN, 200, (k, t) -> k.get("/v3/webhooks")),
            route("GET", "/v3/webhooks/{id}", ADMIN, 200, (k, t) -> k.get("/v3/webhooks/" + webhook.get("v3"))),
            route("DELETE", "/v3/webhooks/{id}", ADMIN, 204,
                    (k, t) -> k.delete("/v3/webhooks/" + t.disposableWebhook("v3"))),
            route("GET", "/v3/webhooks/{id}/deliveries", ADMIN, 200,
                    (k, t) -> k.get("/v3/webhooks/" + webhook.get("v3") + "/deliveries")),
            route("POST", "/v3/webhooks/{id}/deliveries/{deliveryId}/redeliver", ADMIN, 202, (k, t) -> k.post(
                    "/v3/webhooks/" + webhook.get("v3") + "/deliveries/" + delivery.get("v3") + "/redeliver")));

    /**
     * Routes that take no API key, so no scope: the OAuth token endpoint authenticates the client
     * by its own credentials and grants what the service account holds ({@code ServiceAccountsTest}).
     */
    private static final Set<String> WITHOUT_API_KEY = Set.of("POST /v2/oauth/token");

    @BeforeAll
    static void buildTheObjectsEveryRouteNames() {
        receiver = Receiver.start();
        account = createAccount(SERVER.api(), "scopes");
        KeyClient admin = account.admin();
        keyWith = SCOPES.stream().collect(Collectors.toMap(scope -> scope,
                scope -> issueKey(admin, List.of(scope), List.of(), List.of())));
        project = createProject(admin, "scopes", null);
        standingServiceAccount = createServiceAccount(admin);
        slowProject = createProject(admin, "scopes-slow", "sleep 30");
        // Subscriptions first, so that the deployment below leaves a delivery in each.
        webhook = Map.of("v2", subscribe(admin, "v2", receiver.url(), events("v2")),
                "v3", subscribe(admin, "v3", receiver.url(), events("v3")));
        deployment = deployLive(admin, project.id(), "preview");
        delivery = Map.of("v2", newestDelivery(admin, "v2", webhook.get("v2")),
                "v3", newestDelivery(admin, "v3", webhook.get("v3")));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachRouteLetsItsLowestScopeThroughAndRefusesEveryScopeBelow() {
        return ROUTES.stream().map(route -> DynamicTest.dynamicTest(route.name(), () -> check(route)));
    }

    private static void check(ScopedRoute route) {
        String version = versionOf(route.template());
        int lowest = SCOPES.indexOf(route.minimum());
        for (String below : SCOPES.subList(0, lowest)) {
            Reply refused = route.call().send(keyWith.get(below), new Targets(false));
            assertInsufficientScope(version, refused, route.minimum(), route.name() + " with " + below);
        }
        // Reads change nothing, so the wider keys try them too; a change is tried once, with the lowest scope.
        List<String> allowed = route.method().equals("GET") ? SCOPES.subList(lowest, SCOPES.size())
                : List.of(route.minimum());
        for (String scope : allowed) {
            Reply passed = route.call().send(keyWith.get(scope), new Targets(true));
            assertThat(passed.status()).as("%s with %s: %s", route.name(), scope, passed.describe())
                    .isEqualTo(route.success());
            if (route.template().equals("/v2/deployments/{id}/logs")) {
                assertThat(passed.body()).as("frames").contains("\"type\":\"end\"");
            } else if (route.template().equals("/v3/sse/logs/{id}")) {
                assertThat(passed.header("Content-Type")).startsWith("text/event-stream");
                assertThat(passed.body()).as("events").startsWith("log").endsWith("end");
            } else {
                assertThat(passed.header("Api-Version")).as(route.name()).isEqualTo(version);
            }
        }
    }

    /**
     * The table is complete: every route of v1, v2 and v3 the running server's router knows is in
     * it, and nothing in it is stale. A route added without a line here (say
     * {@code POST /v2/service-accounts}) fails this test until its line is added.
     */
    @Test
    void everyVersionedRouteTheServerKnowsIsInTheTable() {
        Set<String> known = VersionedRoutes.without(VersionedRoutes.of(SERVER), WITHOUT_API_KEY);
        Set<String> tabled = ROUTES.stream().map(ScopedRoute::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tabled).as("one line per route").hasSameSizeAs(ROUTES);
        assertThat(VersionedRoutes.without(known, tabled)).as("routes the server knows that the table lacks").isEmpty();
        assertThat(VersionedRoutes.without(tabled, known)).as("lines of the table the server has no route for").isEmpty();
    }
}
