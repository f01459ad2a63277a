package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.KeyClient;
import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.domain.shared.Ids;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every route that names an object, in the path or in the body, with how to name one: the table
 * behind "an object the caller may not see answers exactly as an id that exists nowhere"
 * (CONTRACT §1 and §2.2: 404, not 403, so not even its existence leaks). The check sends each
 * request twice, once naming the hidden object and once naming made-up ids, and compares status,
 * content type and body, after swapping the ids and the request id for fixed words.
 */
final class HiddenObjectRoutes {

    /** What a route names; a test chooses the kinds its viewer cannot see. */
    enum Kind { PROJECT, REPOSITORY, DEPLOYMENT, WEBHOOK, DELIVERY, API_KEY, SERVICE_ACCOUNT }

    /**
     * The ids a request names. {@code viewerWebhook} is the viewer's own subscription per version
     * (the same in both requests), so a foreign delivery is also tried under a webhook the viewer owns.
     */
    record Names(String project, String projectName, String repository, String deployment,
                 Map<String, String> webhook, Map<String, String> delivery, String key,
                 String serviceAccount, Map<String, String> viewerWebhook) {

        /** Ids of the right shapes that exist nowhere; a name no project has. */
        static Names madeUp(Map<String, String> viewerWebhook) {
            return new Names(Ids.newId("proj"), "nothing-" + ServerSettings.randomAlphanumeric(8), Ids.newId("repo"),
                    Ids.newId("dep"), Map.of("v2", Ids.newId("wh"), "v3", Ids.newId("wh")),
                    Map.of("v2", Ids.newId("whd"), "v3", Ids.newId("whd")), Ids.newId("key"), Ids.newId("sa"),
                    viewerWebhook);
        }

        /** Each id (and name) mapped to a fixed word, so two replies can be compared as text. */
        Map<String, String> asWords() {
            Map<String, String> words = new LinkedHashMap<>();
            put(words, project, "<project>");
            put(words, repository, "<repository>");
            put(words, deployment, "<deployment>");
            webhook.forEach((version, id) -> put(words, id, "<webhook-" + version + ">"));
            delivery.forEach((version, id) -> put(words, id, "<delivery-" + version + ">"));
            put(words, key, "<key>");
            put(words, serviceAccount, "<service-account>");
            // Last: a name may be part of nothing else, but ids must be swapped first.
            put(words, projectName, "<project-name>");
            return words;
        }

        private static void put(Map<String, String> words, String id, String word) {
            if (id != null) {
                words.put(id, word);
            }
        }
    }

    @FunctionalInterface
    interface Call {
        Reply send(KeyClient viewer, Names names);
    }

    record ObjectRoute(String method, String template, Kind kind, String variant, Call call) {

        String name() {
            return method + " " + template + (variant.isEmpty() ? "" : " (" + variant + ")");
        }
    }

    private static ObjectRoute route(String method, String template, Kind kind, Call call) {
        return new ObjectRoute(method, template, kind, "", call);
    }

    private static ObjectRoute route(String method, String template, Kind kind, String variant, Call call) {
        return new ObjectRoute(method, template, kind, variant, call);
    }

    private static final Map<String, String> PREVIEW_FROM_MAIN = Map.of("branch", "main", "environment", "preview");

    static final List<ObjectRoute> ROUTES = List.of(
            // v1
            route("GET", "/v1/projects/{id}", Kind.PROJECT, (v, n) -> v.get("/v1/projects/" + n.project())),
            route("POST", "/v1/projects/{projectId}/deployments", Kind.PROJECT,
                    (v, n) -> v.post("/v1/projects/" + n.project() + "/deployments", PREVIEW_FROM_MAIN)),
            route("POST", "/v1/deployments", Kind.PROJECT, "project_id", (v, n) -> v.post("/v1/deployments",
                    Map.of("project_id", n.project(), "branch", "main", "environment", "preview"))),
            route("GET", "/v1/deployments/{id}", Kind.DEPLOYMENT, (v, n) -> v.get("/v1/deployments/" + n.deployment())),
            route("POST", "/v1/deployments/{id}/cancel", Kind.DEPLOYMENT,
                    (v, n) -> v.post("/v1/deployments/" + n.deployment() + "/cancel")),
            route("DELETE", "/v1/deployments/{id}", Kind.DEPLOYMENT,
                    (v, n) -> v.delete("/v1/deployments/" + n.deployment())),
            route("GET", "/v1/deployments/{id}/logs", Kind.DEPLOYMENT,
                    (v, n) -> v.get("/v1/deployments/" + n.deployment() + "/logs")),
            // v2
            route("GET", "/v2/repositories/{id}", Kind.REPOSITORY, (v, n) -> v.get("/v2/repositories/" + n.repository())),
            route("GET", "/v2/repositories/{id}/previews", Kind.REPOSITORY,
                    (v, n) -> v.get("/v2/repositories/" + n.repository() + "/previews")),
            route("POST", "/v2/deployments", Kind.REPOSITORY, "repo_id", (v, n) -> v.post("/v2/deployments",
                    Map.of("repo_id", n.repository(), "branch", "main", "env", "preview"))),
            route("POST", "/v2/deployments", Kind.PROJECT, "project by id", (v, n) -> v.post("/v2/deployments",
                    Map.of("project", n.project(), "branch", "main", "env", "preview"))),
            route("POST", "/v2/deployments", Kind.PROJECT, "project by name", (v, n) -> v.post("/v2/deployments",
                    Map.of("project", n.projectName(), "branch", "main", "env", "preview"))),
            route("GET", "/v2/deployments/{id}", Kind.DEPLOYMENT, (v, n) -> v.get("/v2/deployments/" + n.deployment())),
            route("POST", "/v2/deployments/{id}/cancel", Kind.DEPLOYMENT,
                    (v, n) -> v.post("/v2/deployments/" + n.deployment() + "/cancel")),
            route("GET", "/v2/deployments/{id}/logs", Kind.DEPLOYMENT, "WebSocket upgrade",
                    (v, n) -> v.upgrade("/v2/deployments/" + n.deployment() + "/logs")),
            route("GET", "/v2/webhooks/{id}", Kind.WEBHOOK, (v, n) -> v.get("/v2/webhooks/" + n.webhook().get("v2"))),
            route("DELETE", "/v2/webhooks/{id}", Kind.WEBHOOK,
                    (v, n) -> v.delete("/v2/webhooks/" + n.webhook().get("v2"))),
            route("GET", "/v2/webhooks/{id}/deliveries", Kind.WEBHOOK,
                    (v, n) -> v.get("/v2/webhooks/" + n.webhook().get("v2") + "/deliveries")),
            route("POST", "/v2/webhooks/{id}/deliveries/{delivery_id}/redeliver", Kind.WEBHOOK, (v, n) -> v.post(
                    "/v2/webhooks/" + n.webhook().get("v2") + "/deliveries/" + n.delivery().get("v2") + "/redeliver")),
            route("POST", "/v2/webhooks/{id}/deliveries/{delivery_id}/redeliver", Kind.DELIVERY, "own webhook",
                    (v, n) -> v.post("/v2/webhooks/" + n.viewerWebhook().get("v2") + "/deliveries/"
                            + n.delivery().get("v2") + "/redeliver")),
            route("DELETE", "/v2/service-accounts/{id}", Kind.SERVICE_ACCOUNT,
                    (v, n) -> v.delete("/v2/service-accounts/" + n.serviceAccount())),
            // v3
            route("GET", "/v3/projects/{id}", Kind.PROJECT, (v, n) -> v.get("/v3/projects/" + n.project())),
            route("POST", "/v3/projects/{id}/archive", Kind.PROJECT,
                    (v, n) -> v.post("/v3/projects/" + n.project() + "/archive")),
            route("POST", "/v3/projects/{projectId}/deployments", Kind.PROJECT,
                    (v, n) -> v.post("/v3/projects/" + n.project() + "/deployments", PREVIEW_FROM_MAIN)),
            route("GET", "/v3/projects/{projectId}/deployments", Kind.PROJECT,
                    (v, n) -> v.get("/v3/projects/" + n.project() + "/deployments")),
            route("GET", "/v3/deployments/{id}", Kind.DEPLOYMENT, (v, n) -> v.get("/v3/deployments/" + n.deployment())),
            route("POST", "/v3/deployments/{id}/cancel", Kind.DEPLOYMENT,
                    (v, n) -> v.post("/v3/deployments/" + n.deployment() + "/cancel")),
            route("DELETE", "/v3/deployments/{id}", Kind.DEPLOYMENT,
                    (v, n) -> v.delete("/v3/deployments/" + n.deployment())),
            route("GET", "/v3/deployments/{id}/logs", Kind.DEPLOYMENT,
                    (v, n) -> v.get("/v3/deployments/" + n.deployment() + "/logs")),
            route("GET", "/v3/sse/logs/{id}", Kind.DEPLOYMENT,
                    (v, n) -> v.eventStreamReply("/v3/sse/logs/" + n.deployment())),
            route("DELETE", "/v3/api-keys/{id}", Kind.API_KEY, (v, n) -> v.delete("/v3/api-keys/" + n.key())),
            route("GET", "/v3/webhooks/{id}", Kind.WEBHOOK, (v, n) -> v.get("/v3/webhooks/" + n.webhook().get("v3"))),
            route("DELETE", "/v3/webhooks/{id}", Kind.WEBHOOK,
                    (v, n) -> v.delete("/v3/webhooks/" + n.webhook().get("v3"))),
            route("GET", "/v3/webhooks/{id}/deliveries", Kind.WEBHOOK,
                    (v, n) -> v.get("/v3/webhooks/" + n.webhook().get("v3") + "/deliveries")),
            route("POST", "/v3/webhooks/{id}/deliveries/{deliveryId}/redeliver", Kind.WEBHOOK, (v, n) -> v.post(
                    "/v3/webhooks/" + n.webhook().get("v3") + "/deliveries/" + n.delivery().get("v3") + "/redeliver")),
            route("POST", "/v3/webhooks/{id}/deliveries/{deliveryId}/redeliver", Kind.DELIVERY, "own webhook",
                    (v, n) -> v.post("/v3/webhooks/" + n.viewerWebhook().get("v3") + "/deliveries/"
                            + n.delivery().get("v3") + "/redeliver")));

    /** Routes that name objects in the body rather than the path; the router cannot tell us those. */
    private static final Set<String> BODY_NAMING = Set.of("POST /v1/deployments", "POST /v2/deployments");

    private HiddenObjectRoutes() {
    }

    static List<ObjectRoute> of(Set<Kind> kinds) {
        return ROUTES.stream().filter(route -> kinds.contains(route.kind())).toList();
    }

    static List<ObjectRoute> all() {
        return of(EnumSet.allOf(Kind.class));
    }

    /**
     * {@code viewer} asking about {@code hidden} gets exactly what it gets for {@code missing}: both
     * 404, same content type, same body once ids and request ids are swapped for fixed words.
     */
    static void assertAnswersAsMissing(ObjectRoute route, KeyClient viewer, Names hidden, Names missing) {
        Reply forMissing = route.call().send(viewer, missing);
        Reply forHidden = route.call().send(viewer, hidden);
        assertThat(forMissing.status()).as("%s naming made-up ids: %s", route.name(), forMissing.describe())
                .isEqualTo(404);
        assertThat(forHidden.status()).as("%s naming a hidden object: %s", route.name(), forHidden.describe())
                .isEqualTo(404);
        assertThat(forHidden.header("Content-Type")).as(route.name()).isEqualTo(forMissing.header("Content-Type"));
        assertThat(forHidden.header("Api-Version")).as(route.name()).isEqualTo(forMissing.header("Api-Version"))
                .isNotNull();
        assertThat(forHidden.bodyWithout(hidden.asWords())).as("%s: body about a hidden object", route.name())
                .isEqualTo(forMissing.bodyWithout(missing.asWords()));
    }

    /**
     * Every route the server knows that names an object in its path is in the table, and so are
     * the routes that name one in their body; a new route (say {@code DELETE
     * /v2/service-accounts/{id}}) fails this until its line is added.
     */
    static void assertTableCoversEveryObjectRoute(E2eServer server) {
        Set<String> known = VersionedRoutes.of(server);
        Set<String> naming = known.stream().filter(route -> route.contains("{") || BODY_NAMING.contains(route))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tabled = ROUTES.stream().map(route -> route.method() + " " + route.template())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(VersionedRoutes.without(naming, tabled)).as("routes naming objects that the table lacks").isEmpty();
        assertThat(VersionedRoutes.without(tabled, known)).as("lines of the table the server has no route for")
                .isEmpty();
    }
}
