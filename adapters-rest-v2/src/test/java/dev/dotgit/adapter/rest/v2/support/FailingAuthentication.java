package dev.dotgit.adapter.rest.v2.support;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.domain.access.Caller;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real authentication use case, whose next call can be made to throw: how v2 answers a use
 * case that fails unexpectedly (or with storage down) is a question a client cannot set up.
 */
public final class FailingAuthentication implements AuthenticateCallerUseCase {

    private final AuthenticateCallerUseCase delegate;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    FailingAuthentication(AuthenticateCallerUseCase delegate) {
        this.delegate = delegate;
    }

    @Override
    public Caller authenticate(String bearerToken) {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        return delegate.authenticate(bearerToken);
    }

    /** The next authentication throws {@code failure} instead of authenticating. */
    public void failNextWith(RuntimeException failure) {
        nextFailure.set(failure);
    }
}
