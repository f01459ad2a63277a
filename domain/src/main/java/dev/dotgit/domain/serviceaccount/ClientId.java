package dev.dotgit.domain.serviceaccount;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

/**
 * The public half of a service account's client credentials (RFC 6749 §2.2), {@code client_…}.
 * Kept apart from the account's id so that credentials could be rotated without changing the
 * principal that audit fields name.
 */
public record ClientId(String value) {

    public static final String PREFIX = "client";

    public ClientId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static ClientId generate() {
        return new ClientId(Ids.newId(PREFIX));
    }

    public static Optional<ClientId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new ClientId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
