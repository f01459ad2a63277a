package dev.dotgit.adapter.rest.v1.http;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.domain.access.Caller;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Authenticates a v1 request once, while binding its {@link AuthenticatedCaller} argument.
 *
 * <p>Why a postponed argument binder rather than a filter: postponed binders run after the
 * filters, inside the route's execution, so on the executor the route runs on (the blocking
 * executor, or for reads the one {@link ReadRoutes} names). A key missing from the use
 * case's cache then goes to the database wherever the route's own reads may, and a cached
 * key costs no extra thread hand-off (a blocking filter would add one to every request). A refused key surfaces as {@code Unauthenticated} and is
 * rendered like every other v1 error.
 */
@Singleton
final class AuthenticatedCallerBinder
        implements AnnotatedRequestArgumentBinder<AuthenticatedCaller, Caller>, PostponedRequestArgumentBinder<Caller> {

    private static final String BEARER = "Bearer";

    private final AuthenticateCallerUseCase authenticate;

    AuthenticatedCallerBinder(AuthenticateCallerUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Class<AuthenticatedCaller> getAnnotationType() {
        return AuthenticatedCaller.class;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Caller caller = authenticate.authenticate(bearerToken(request));
        return () -> Optional.of(caller);
    }

    /**
     * The credential of {@code Authorization: Bearer <key>} (the scheme is case-insensitive,
     * RFC 7235 §2.1), or null when the header is absent or uses another scheme. Keys are only
     * ever read from this header, never from the query string.
     */
    static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !Character.isWhitespace(value.charAt(BEARER.length()))) {
            return null;
        }
        return value.substring(BEARER.length()).strip();
    }
}
