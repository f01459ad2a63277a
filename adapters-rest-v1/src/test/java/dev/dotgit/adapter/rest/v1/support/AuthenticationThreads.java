package dev.dotgit.adapter.rest.v1.support;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.domain.access.Caller;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real authentication use case, recording which thread each call ran on: a key missing
 * from its cache goes to the database, so authentication must never run on the event loop.
 */
public final class AuthenticationThreads implements AuthenticateCallerUseCase {

    private final AuthenticateCallerUseCase delegate;
    private final List<String> threadNames = new CopyOnWriteArrayList<>();

    AuthenticationThreads(AuthenticateCallerUseCase delegate) {
        this.delegate = delegate;
    }

    @Override
    public Caller authenticate(String bearerToken) {
        threadNames.add(Thread.currentThread().getName());
        return delegate.authenticate(bearerToken);
    }

    public List<String> threadNames() {
        return List.copyOf(threadNames);
    }

    public void clear() {
        threadNames.clear();
    }
}
