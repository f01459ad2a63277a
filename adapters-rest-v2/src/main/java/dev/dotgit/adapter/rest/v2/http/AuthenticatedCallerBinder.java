package dev.dotgit.adapter.rest.v2.http;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.domain.access.Caller;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Authenticates a v2 request once, while binding its {@link AuthenticatedCaller} argument.
 * A postponed binder runs after the filters, on the blocking executor of the route, so a key
 * missing from the use case's cache never blocks the event loop. A refused key surfaces as
 * {@code Unauthenticated} and is rendered like every other v2 error.
 */
@Singleton
final class AuthenticatedCallerBinder
        implements AnnotatedRequestArgumentBinder<AuthenticatedCaller, Caller>, PostponedRequestArgumentBinder<Caller> {

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
        Caller caller = authenticate.authenticate(BearerToken.of(request));
        return () -> Optional.of(caller);
    }
}
