package dev.dotgit.adapter.rest.v1.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.domain.error.IdempotencyKeyReused;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.InvalidInput.Problem;
import dev.dotgit.domain.error.InvalidInput.Violation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.web.router.RouteAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The renderer's answers to error responses it did not produce itself: filters of other
 * modules (a rate limit, say) may answer a v1 request in their own shape, and v1 must still
 * answer in its envelope without losing their headers.
 */
class V1ErrorRendererTest {

    private final V1ErrorRenderer renderer = new V1ErrorRenderer(new HttpServerConfiguration());

    private static ErrorEnvelope.ErrorObject general(MutableHttpResponse<V1ErrorBody> response) {
        return ((ErrorEnvelope) response.body()).error();
    }

    @Test
    void aForeignRateLimitKeepsItsStatusAndRetryAfter() {
        MutableHttpResponse<?> foreign = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "17").header("X-RateLimit-Remaining", "0").body("slow down");

        MutableHttpResponse<V1ErrorBody> rendered = renderer.renderForeign(foreign);

        assertThat(rendered.code()).isEqualTo(429);
        assertThat(rendered.getHeaders().get("Retry-After")).isEqualTo("17");
        assertThat(rendered.getHeaders().get("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(general(rendered).code()).isEqualTo("rate_limit_exceeded");
        assertThat(general(rendered).details()).isEmpty();
    }

    @Test
    void aStatusWithoutAnEntryKeepsItsCodeWithAGenericEnvelope() {
        MutableHttpResponse<V1ErrorBody> teapot = renderer.renderForeign(HttpResponse.status(418, "I'm a teapot"));
        MutableHttpResponse<V1ErrorBody> badGateway =
                renderer.renderForeign(HttpResponse.status(HttpStatus.BAD_GATEWAY));

        assertThat(teapot.code()).isEqualTo(418);
        assertThat(general(teapot).code()).isEqualTo("bad_request");
        assertThat(badGateway.code()).isEqualTo(502);
        assertThat(general(badGateway).code()).isEqualTo("internal_error");
    }

    @Test
    void aDomainErrorThatReachedTheDefaultHandlingGetsTheStatusOfItsCategory() {
        MutableHttpResponse<?> foreign = HttpResponse.serverError();
        RouteAttributes.setException(foreign, InsufficientScope.missingScope("deploy:write"));

        MutableHttpResponse<V1ErrorBody> rendered = renderer.renderForeign(foreign);

        assertThat(rendered.code()).isEqualTo(403);
        assertThat(general(rendered).code()).isEqualTo("insufficient_scope");
        assertThat(general(rendered).details()).containsEntry("required_scope", "deploy:write");
    }

    @Test
    void aReusedIdempotencyKeyIsA422InTheGeneralShapeWithAStringCode() {
        MutableHttpResponse<?> foreign = HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY);
        RouteAttributes.setException(foreign, new IdempotencyKeyReused("order-1"));

        MutableHttpResponse<V1ErrorBody> rendered = renderer.renderForeign(foreign);

        assertThat(rendered.code()).isEqualTo(422);
        assertThat(general(rendered).code()).isEqualTo("idempotency_key_reused");
        assertThat(general(rendered).details()).containsEntry("idempotency_key", "order-1");
    }

    @Test
    void aBadHeaderIsA400InTheGeneralShapeNamingTheHeaderNotTheNumeric422() {
        MutableHttpResponse<V1ErrorBody> rendered = renderer.renderFailure(HttpRequest.POST("/v1/projects", "{}"),
                InvalidInput.badHeader("Idempotency-Key", "Must be 1-255 printable ASCII characters"));

        assertThat(rendered.code()).isEqualTo(400);
        assertThat(general(rendered).code()).isEqualTo("validation_failed");
        assertThat(general(rendered).details()).containsEntry("field", "Idempotency-Key");
    }

    @Test
    void anyMissingFieldMakesInvalidInputA400NamingOnlyTheMissingFields() {
        InvalidInput mixed = new InvalidInput(List.of(
                new Violation("environment", Problem.NOT_ALLOWED, "prod", List.of("production"),
                        "Must be one of: production"),
                new Violation("branch", Problem.MISSING, null, null, "This field is required")));

        MutableHttpResponse<V1ErrorBody> rendered = renderer.renderFailure(HttpRequest.POST("/v1/deployments", "{}"),
                mixed);

        assertThat(rendered.code()).isEqualTo(400);
        assertThat(general(rendered).code()).isEqualTo("missing_field");
        assertThat(general(rendered).details()).containsEntry("field", "branch")
                .containsEntry("fields", List.of("branch"));
    }
}
