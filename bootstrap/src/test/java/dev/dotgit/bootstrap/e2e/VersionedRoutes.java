package dev.dotgit.bootstrap.e2e;

import dev.dotgit.bootstrap.e2e.support.E2eServer;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routes of the API versions as the running server's router knows them ({@code "POST
 * /v3/projects/{id}/archive"}), for tests that must cover every route: controllers and the
 * WebSocket alike, since both register there. HEAD is left out: Micronaut adds it to every GET.
 */
final class VersionedRoutes {

    private static final Pattern VERSIONED = Pattern.compile("/v[0-9]+/.*");

    private VersionedRoutes() {
    }

    static Set<String> of(E2eServer server) {
        Router router = server.server().context().getBean(Router.class);
        return router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString())
                .filter(route -> VERSIONED.matcher(route.substring(route.indexOf(' ') + 1)).matches())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What {@code routes} has that {@code others} lacks, sorted for a readable failure. */
    static Set<String> without(Set<String> routes, Set<String> others) {
        Set<String> rest = new TreeSet<>(routes);
        rest.removeAll(others);
        return rest;
    }
}
