package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.error.V2RequestRejected;
import dev.dotgit.adapter.rest.v2.http.BearerToken;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.deployment.GetDeploymentQuery;
import dev.dotgit.domain.access.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;

/**
 * Decides a log-stream request before any upgrade: the key must authenticate, carry
 * {@code deploy:read} and see the deployment, and {@code after} must be a sequence number; any
 * failure is the normal v2 error response and no WebSocket is opened. A plain GET (no
 * {@code Upgrade: websocket}) that passes those checks gets 426 {@code upgrade_required}.
 * What it learnt travels to {@link DeploymentLogSocket} as request attributes.
 *
 * <p>A filter, because the WebSocket upgrade runs the filters but no controller; it runs on the
 * blocking executor (a key missing from the cache, the deployment read) and inside the v2
 * response filter, so its answers get v2's headers.
 */
@ServerFilter("/v2/deployments/*/logs")
final class LogStreamGuard implements Ordered {

    static final String CALLER = "dotgit.v2.logs.caller";
    static final String AFTER = "dotgit.v2.logs.after";

    private final AuthenticateCallerUseCase authenticate;
    private final GetDeploymentQuery getDeployment;
    private final V2ErrorRenderer errors;

    LogStreamGuard(AuthenticateCallerUseCase authenticate, GetDeploymentQuery getDeployment,
                   V2ErrorRenderer errors) {
        this.authenticate = authenticate;
        this.getDeployment = getDeployment;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        try {
            Caller caller = authenticate.authenticate(BearerToken.of(request));
            QueryParameters query = new QueryParameters();
            long after = query.integer("after", request.getParameters().get("after"), 0, 0, Long.MAX_VALUE);
            query.throwIfInvalid();
            getDeployment.get(caller, deploymentId(request));
            if (!isWebSocketUpgrade(request)) {
                throw V2RequestRejected.upgradeRequired();
            }
            request.setAttribute(CALLER, caller);
            request.setAttribute(AFTER, after);
            return null;
        } catch (RuntimeException refused) {
            return errors.renderFailure(request, refused);
        }
    }

    /** {@code /v2/deployments/<id>/logs}: the filter's pattern guarantees the shape. */
    static String deploymentId(HttpRequest<?> request) {
        String[] segments = request.getPath().split("/");
        return segments[segments.length - 2];
    }

    private static boolean isWebSocketUpgrade(HttpRequest<?> request) {
        String connection = request.getHeaders().get(HttpHeaders.CONNECTION);
        String upgrade = request.getHeaders().get(HttpHeaders.UPGRADE);
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade")
                && "websocket".equalsIgnoreCase(upgrade);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
