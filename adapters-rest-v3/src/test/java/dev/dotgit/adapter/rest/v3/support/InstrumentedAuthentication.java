package dev.dotgit.adapter.rest.v3.support;

import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.domain.access.Caller;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real authentication use case, instrumented for two questions a client cannot answer:
 * which thread authentication ran on (a key missing from the cache goes to the database, so
 * never the event loop), and what v3 answers when a use case fails unexpectedly (the next
 * call can be made to throw).
 */
public final class InstrumentedAuthentication implements AuthenticateCallerUseCase {

    private final AuthenticateCallerUseCase delegate;
    private final List<String> threadNames = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    InstrumentedAuthentication(AuthenticateCallerUseCase delegate) {
        this.delegate = delegate;
    }

    @Override
    public Caller authenticate(String bearerToken) {
        threadNames.add(Thread.currentThread().getName());
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        return delegate.authenticate(bearerToken);
    }

    /** Names of the threads authentication ran on since the last {@link #clear()}. */
    public List<String> threadNames() {
        return List.copyOf(threadNames);
    }

    public void clear() {
        threadNames.clear();
    }

    /** The next authentication throws {@code failure} instead of authenticating. */
    public void failNextWith(RuntimeException failure) {
        nextFailure.set(failure);
    }
}
