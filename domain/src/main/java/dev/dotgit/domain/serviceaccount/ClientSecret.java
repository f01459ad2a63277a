package dev.dotgit.domain.serviceaccount;

import dev.dotgit.domain.apikey.KeyFormat;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import java.util.Optional;

/**
 * The secret half of a service account's client credentials: {@code gcs_live_} + the shape of
 * every key ({@link KeyFormat}: 30 random base-62 characters and a CRC-32 checksum), so a
 * mistyped secret is refused without a lookup and secret scanners can recognise it. Its own
 * prefix keeps it from ever passing for an API key ({@code gsk_}): a client secret buys
 * tokens at {@code /v2/oauth/token} and authenticates nothing else. Stored only as its SHA-256.
 */
public final class ClientSecret {

    public static final String PREFIX = "gcs_live_";

    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    public static ClientSecret generate() {
        return new ClientSecret(KeyFormat.generate(PREFIX));
    }

    /** A well-formed secret with a correct checksum; anything else is empty, without a lookup. */
    public static Optional<ClientSecret> parse(String candidate) {
        return KeyFormat.isWellFormed(PREFIX, candidate) ? Optional.of(new ClientSecret(candidate)) : Optional.empty();
    }

    public String reveal() {
        return value;
    }

    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
