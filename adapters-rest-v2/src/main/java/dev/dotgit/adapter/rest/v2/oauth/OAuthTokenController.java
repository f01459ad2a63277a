package dev.dotgit.adapter.rest.v2.oauth;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.application.port.in.serviceaccount.IssueAccessTokenUseCase;
import dev.dotgit.application.port.in.serviceaccount.IssuedAccessToken;
import dev.dotgit.application.port.in.serviceaccount.TokenRequest;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.TokenRequestRefused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * {@code POST /v2/oauth/token}: the client-credentials grant (RFC 6749 §4.4). No API key: the
 * client authenticates with its client id and secret, in the form or as HTTP Basic (§2.3.1,
 * both halves form-urlencoded inside the Basic credentials), never both. Answers are RFC 6749's
 * own shapes, not v2's envelope, because OAuth client libraries parse them: 200
 * {@code {access_token, token_type, expires_in, scope}} or {@code {error, error_description}}
 * (401 for {@code invalid_client}, with {@code WWW-Authenticate: Basic} when Basic was used; 400
 * otherwise), always with {@code Cache-Control: no-store} and {@code Pragma: no-cache} (§5.1).
 *
 * <p>A refused credential carries its refusal as the answer's exception attribute, so the
 * failed-authentication throttle counts it although no {@code Authorization} header may show it.
 */
@Controller("/v2/oauth/token")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OAuthTokenController {

    private static final String BASIC = "Basic";
    private static final String BASIC_CHALLENGE = "Basic realm=\"dotgit\", charset=\"UTF-8\"";

    private final IssueAccessTokenUseCase issueAccessToken;
    private final V2ErrorRenderer errors;

    OAuthTokenController(IssueAccessTokenUseCase issueAccessToken, V2ErrorRenderer errors) {
        this.issueAccessToken = issueAccessToken;
        this.errors = errors;
    }

    /** Any content type reaches the route, so that a wrong one is answered in RFC 6749's words. */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> token(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && isScheme(authorization, BASIC);
        try {
            TokenRequest tokenRequest = read(request, authorization, body);
            IssuedAccessToken issued = issueAccessToken.issue(tokenRequest);
            String scope = issued.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(" "));
            return noStore(HttpResponse.ok(new TokenResponse(issued.accessToken(), "Bearer",
                    issued.expiresInSeconds(), scope)));
        } catch (TokenRequestRefused refused) {
            return refusal(refused, basic);
        }
    }

    private static TokenRequest read(HttpRequest<?> request, String authorization, byte[] body) {
        boolean form = request.getContentType()
                .map(type -> MediaType.APPLICATION_FORM_URLENCODED.equalsIgnoreCase(type.getName()))
                .orElse(false);
        if (!form) {
            throw TokenRequestRefused.invalidRequest("Send the token request as "
                    + MediaType.APPLICATION_FORM_URLENCODED + " (RFC 6749 section 4.4.2).");
        }
        TokenRequestForm fields = TokenRequestForm.parse(body);
        String clientId = fields.get("client_id");
        String clientSecret = fields.get("client_secret");
        if (authorization != null) {
            if (!isScheme(authorization, BASIC)) {
                throw TokenRequestRefused.invalidClient("Send client credentials as HTTP Basic or as client_id and "
                        + "client_secret in the form; API keys cannot request tokens.", true);
            }
            String[] basic = basicCredentials(authorization);
            if (clientSecret != null || (clientId != null && !clientId.equals(basic[0]))) {
                throw TokenRequestRefused.invalidRequest("Use one way of client authentication: HTTP Basic or the "
                        + "form, not both.");
            }
            clientId = basic[0];
            clientSecret = basic[1];
        }
        return new TokenRequest(fields.get("grant_type"), clientId, clientSecret, fields.get("scope"));
    }

    /** RFC 6749 §2.3.1: base64 of {@code urlencoded(id):urlencoded(secret)}. */
    private static String[] basicCredentials(String authorization) {
        String encoded = authorization.strip().substring(BASIC.length()).strip();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw TokenRequestRefused.invalidClient("The HTTP Basic credentials are not valid base64.", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TokenRequestRefused.invalidClient("The HTTP Basic credentials must be client_id:client_secret.",
                    true);
        }
        String clientId = TokenRequestForm.decode(decoded.substring(0, colon));
        String clientSecret = TokenRequestForm.decode(decoded.substring(colon + 1));
        return new String[] {clientId.isEmpty() ? null : clientId, clientSecret.isEmpty() ? null : clientSecret};
    }

    private static boolean isScheme(String authorization, String scheme) {
        String value = authorization.strip();
        return value.length() > scheme.length() && value.regionMatches(true, 0, scheme, 0, scheme.length())
                && Character.isWhitespace(value.charAt(scheme.length()));
    }

    private static MutableHttpResponse<?> refusal(TokenRequestRefused refused, boolean basicUsed) {
        boolean badClient = refused.reason() == TokenRequestRefused.Reason.INVALID_CLIENT;
        HttpStatus status = badClient ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        MutableHttpResponse<OAuthErrorBody> response = HttpResponse.<OAuthErrorBody>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new OAuthErrorBody(refused.code(), refused.getMessage()));
        if (badClient && basicUsed) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        RouteAttributes.setException(response, refused);
        return noStore(response);
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }

    /** Local to this controller: anything but a refusal (storage down, say) in v2's envelope. */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
