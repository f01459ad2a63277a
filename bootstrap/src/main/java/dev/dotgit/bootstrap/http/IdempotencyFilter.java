package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyUseCase;
import dev.dotgit.application.port.in.idempotency.ClaimOutcome;
import dev.dotgit.application.port.in.idempotency.CompleteIdempotentRequestUseCase;
import dev.dotgit.application.port.in.idempotency.ReleaseIdempotencyKeyUseCase;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.error.DomainError;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.IdempotencyKey;
import dev.dotgit.domain.idempotency.StoredResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on every creating {@code POST} of every version (CONTRACT §2.6).
 * Decided once, in the core ({@link ClaimIdempotencyKeyUseCase}); the errors it raises are
 * domain errors that each version's response filter renders in its own envelope (this filter
 * is nested inside them, so its answers pass through them).
 *
 * <p>Only requests that carry the header pay anything: they are authenticated here (a cache hit
 * is cheap; a miss reads the database, hence the blocking executor) to learn the account, and
 * their body is read to fingerprint the request. A request that does not authenticate passes
 * untouched, so the route answers its 401 as usual; an invalid key is a 400 naming the header.
 *
 * <p>Then:
 * <ul>
 * <li>a new claim runs the route; a 2xx answer is stored (status, content type, body bytes
 * as the server writes them, less any one-time {@code secret}, {@code Location}) and replayed to later requests with the same
 * key and request for 24 h; any other answer releases the key, so a retry runs again. Only
 * successes are replayed: an error is about its moment (a name taken, storage down), and
 * replaying it for a day would make a passing failure permanent;</li>
 * <li>a replay answers the stored response with {@code Idempotent-Replayed: true}, running
 * nothing;</li>
 * <li>the same key for another request is 422 {@code idempotency_key_reused}; the same key
 * while the first request runs is 409 {@code idempotency_key_in_use}.</li>
 * </ul>
 * If the node dies (or the client's connection drops so the response side never runs) between
 * claim and completion, the claim blocks its key for five minutes (the in-flight expiry), then
 * the next request with the key takes it over and runs; see {@code ClaimIdempotencyKeyService}
 * for how every race ends.
 */
@ServerFilter(value = {"/v1/projects", "/v1/deployments", "/v1/projects/*/deployments",
        "/v2/repositories", "/v2/deployments", "/v2/webhooks",
        "/v3/projects", "/v3/projects/*/deployments", "/v3/api-keys", "/v3/webhooks",
        "/v2/service-accounts"},
        methods = HttpMethod.POST)
class IdempotencyFilter implements Ordered {

    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    /** Top-level fields of a creation that are shown once: an API key's or webhook's {@code secret}, a service account's {@code client_secret}. */
    private static final Set<String> ONE_TIME_SECRETS = Set.of("secret", "client_secret");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final AuthenticateCallerUseCase authenticate;
    private final ClaimIdempotencyKeyUseCase claims;
    private final CompleteIdempotentRequestUseCase completions;
    private final ReleaseIdempotencyKeyUseCase releases;
    private final JsonMapper json;

    IdempotencyFilter(AuthenticateCallerUseCase authenticate, ClaimIdempotencyKeyUseCase claims,
                      CompleteIdempotentRequestUseCase completions, ReleaseIdempotencyKeyUseCase releases,
                      JsonMapper json) {
        this.authenticate = authenticate;
        this.claims = claims;
        this.completions = completions;
        this.releases = releases;
        this.json = json;
    }

    /** After the version response filters and {@link CommonHeadersFilter}, so both finish what this answers. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** @return null to let the route run, or the answer that replaces it */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> claim(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String rawKey = request.getHeaders().get(IdempotencyKey.HEADER);
        if (rawKey == null) {
            return null;
        }
        Caller caller;
        try {
            caller = authenticate.authenticate(BearerCredential.of(request));
        } catch (Unauthenticated refused) {
            return null;
        }
        try {
            ClaimOutcome outcome = claims.claim(ClaimIdempotencyKeyCommand.of(caller.account(), rawKey,
                    request.getMethodName(), request.getPath(), body));
            if (outcome instanceof ClaimOutcome.Replay replay) {
                return replay(replay.response());
            }
            request.setAttribute(CLAIM, ((ClaimOutcome.New) outcome).claim());
            return null;
        } catch (DomainError refused) {
            return refusal(refused);
        }
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void completeOrRelease(HttpRequest<?> request, MutableHttpResponse<?> response) {
        IdempotencyClaim claim = request.getAttribute(CLAIM, IdempotencyClaim.class).orElse(null);
        if (claim == null) {
            return;
        }
        request.removeAttribute(CLAIM, IdempotencyClaim.class);
        try {
            if (response.code() >= 200 && response.code() < 300) {
                completions.complete(claim, stored(response));
            } else {
                releases.release(claim);
            }
        } catch (RuntimeException e) {
            // The client gets the route's answer regardless; the key stays in flight until it expires.
            LOG.error("Could not record the outcome of an idempotent request {} {}", request.getMethodName(),
                    request.getPath(), e);
        }
    }

    private StoredResponse stored(MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        byte[] bytes;
        String contentType = response.getContentType().map(MediaType::toString).orElse(null);
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                // the same mapper, with the same configuration, that writes the response itself
                bytes = json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("the response body could not be serialised", e);
            }
            if (contentType == null) {
                contentType = MediaType.APPLICATION_JSON;
            }
        }
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON)) {
            bytes = withoutSecret(bytes);
        }
        return new StoredResponse(response.code(), contentType, bytes, response.getHeaders().get(HttpHeaders.LOCATION));
    }

    /**
     * A secret is shown once, at creation (CONTRACT §2.1, §2.7), and API key and client secrets are
     * stored only as hashes: a creation that reveals one (an API key, a webhook's signing secret, a
     * service account's client secret) is stored, and replayed, without its top-level {@code secret}
     * or {@code client_secret}. The retry still learns that
     * the object exists, and which it is, without a second object being made.
     */
    private byte[] withoutSecret(byte[] bytes) {
        try {
            Map<String, Object> object = json.readValue(bytes, Argument.mapOf(String.class, Object.class));
            if (object == null || ONE_TIME_SECRETS.stream().noneMatch(object::containsKey)) {
                return bytes;
            }
            Map<String, Object> redacted = new LinkedHashMap<>(object);
            redacted.keySet().removeAll(ONE_TIME_SECRETS);
            return json.writeValueAsBytes(redacted);
        } catch (IOException | RuntimeException notAnObject) {
            return bytes;
        }
    }

    private static MutableHttpResponse<?> replay(StoredResponse stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(stored.status(),
                HttpStatus.getDefaultReason(stored.status()));
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.contentType(stored.contentType());
        }
        return response.header(REPLAYED, "true").body(stored.body());
    }

    /**
     * An answer whose exception attribute is the domain error: every version's response filter
     * re-renders such an answer in its own envelope, with the status the error's category calls for.
     */
    private static MutableHttpResponse<?> refusal(DomainError error) {
        int status = switch (error.category()) {
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case INVALID_INPUT, BAD_REQUEST -> 400;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
        MutableHttpResponse<?> response = HttpResponse.status(status, HttpStatus.getDefaultReason(status));
        RouteAttributes.setException(response, error);
        return response;
    }
}
