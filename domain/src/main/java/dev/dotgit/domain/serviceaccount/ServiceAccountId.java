package dev.dotgit.domain.serviceaccount;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

/** The id of a service account ({@code sa_…}); also the principal its tokens act as. */
public record ServiceAccountId(String value) {

    public static final String PREFIX = "sa";

    public ServiceAccountId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static ServiceAccountId generate() {
        return new ServiceAccountId(Ids.newId(PREFIX));
    }

    public static Optional<ServiceAccountId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new ServiceAccountId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
