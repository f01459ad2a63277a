package dev.dotgit.domain.apikey;

import dev.dotgit.domain.shared.Ids;
import java.util.Optional;

public record ApiKeyId(String value) {

    public static final String PREFIX = "key";

    public ApiKeyId {
        Ids.requireWellFormed(PREFIX, value);
    }

    public static ApiKeyId generate() {
        return new ApiKeyId(Ids.newId(PREFIX));
    }

    public static Optional<ApiKeyId> parse(String raw) {
        return Ids.isWellFormed(PREFIX, raw) ? Optional.of(new ApiKeyId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
