package dev.dotgit.bootstrap;

import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.service.pipeline.PipelineSettings;
import dev.dotgit.application.service.serviceaccount.AccessTokenSettings;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import io.micronaut.core.value.PropertyResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The server's own settings (CONTRACT §2.8), read and validated in one place. Each key can
 * also be set through its environment variable (Micronaut maps {@code DOTGIT_PUBLIC_URL} to
 * {@code dotgit.public-url}). A bad value raises {@link InvalidConfiguration} naming the key.
 */
public record DotgitConfiguration(Path dataDir, PlatformUrls urls, Optional<SecretKey> bootstrapApiKey,
                                  Optional<String> operatorToken, Optional<Instant> v1Sunset,
                                  PipelineSettings pipeline, Duration apiKeyCacheTtl,
                                  TransportSecurity transport, FailedAuthenticationLimit failedAuthentication,
                                  AccessTokenSettings accessTokens) {

    /**
     * CONTRACT §2.1: after {@code maxFailures} failed authentications within {@code window}, an
     * address is refused for {@code blockFor}.
     */
    public record FailedAuthenticationLimit(int maxFailures, Duration window, Duration blockFor) {
        public static final FailedAuthenticationLimit DEFAULT =
                new FailedAuthenticationLimit(20, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    public static DotgitConfiguration from(PropertyResolver properties) {
        int port = properties.get("micronaut.server.port", Integer.class).orElse(8080);
        String defaultHost = "localhost" + (port == 80 ? "" : ":" + port);

        Path dataDir = Path.of(text(properties, "dotgit.data-dir").orElse("./data")).toAbsolutePath().normalize();
        // TLS settings are checked first: with TLS on, links default to the https:// port.
        ServerTls tls = ServerTls.check(properties);
        String publicUrl = text(properties, "dotgit.public-url").orElse(tls.defaultPublicUrl(port));
        String hostingDomain = text(properties, "dotgit.hosting-domain").orElse(defaultHost);
        PlatformUrls urls = platformUrls(publicUrl, hostingDomain);

        Optional<SecretKey> bootstrapKey = text(properties, "dotgit.bootstrap.api-key").map(raw -> SecretKey.parse(raw)
                .orElseThrow(() -> new InvalidConfiguration("dotgit.bootstrap.api-key",
                        "must be a secret key of the form gsk_live_ followed by 36 characters with a valid checksum")));
        Optional<String> operatorToken = text(properties, "dotgit.operator-token");
        if (operatorToken.isPresent() && operatorToken.get().length() < 16) {
            throw new InvalidConfiguration("dotgit.operator-token", "must be at least 16 characters long");
        }
        Optional<Instant> sunset = text(properties, "dotgit.v1.sunset").map(raw -> {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidConfiguration("dotgit.v1.sunset",
                        "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z (got '" + raw + "')");
            }
        });
        PipelineSettings defaults = PipelineSettings.DEFAULTS;
        PipelineSettings pipeline = new PipelineSettings(
                duration(properties, "dotgit.builds.timeout", defaults.buildTimeout()),
                duration(properties, "dotgit.builds.cancellation-check-interval", defaults.cancellationCheckEvery()),
                defaults.logFlushEvery(),
                defaults.maxBuildOutputLines());
        Duration keyCacheTtl = duration(properties, "dotgit.auth.key-cache-ttl", Duration.ofSeconds(5));
        TransportSecurity transport = TransportSecurity.parse(text(properties, "dotgit.require-https").orElse(null),
                text(properties, "dotgit.trusted-proxies").orElse(null));
        // Read by the scheduler's purge job; checked here so that a typo stops the start in one line.
        duration(properties, "dotgit.idempotency.purge-interval", Duration.ofHours(1));
        FailedAuthenticationLimit defaultLimit = FailedAuthenticationLimit.DEFAULT;
        FailedAuthenticationLimit failedAuthentication = new FailedAuthenticationLimit(
                positiveInt(properties, "dotgit.auth.failed-attempts-limit", defaultLimit.maxFailures()),
                duration(properties, "dotgit.auth.failed-attempts-window", defaultLimit.window()),
                duration(properties, "dotgit.auth.failed-attempts-block", defaultLimit.blockFor()));
        return new DotgitConfiguration(dataDir, urls, bootstrapKey, operatorToken, sunset, pipeline, keyCacheTtl,
                transport, failedAuthentication, accessTokens(properties));
    }

    /**
     * {@code dotgit.oauth.token-ttl}: how long a service account's access token works (whole
     * seconds); {@code dotgit.oauth.signing-key}: base64 of at least 32 random bytes, for operators
     * who keep the key out of the database (every node must have the same one).
     */
    private static AccessTokenSettings accessTokens(PropertyResolver properties) {
        Duration lifetime = duration(properties, "dotgit.oauth.token-ttl", AccessTokenSettings.DEFAULT_LIFETIME);
        if (lifetime.getNano() != 0) {
            throw new InvalidConfiguration("dotgit.oauth.token-ttl", "must be a whole number of seconds such as 1h or "
                    + "900s (got '" + lifetime + "')");
        }
        Optional<TokenSigningKey> signingKey = text(properties, "dotgit.oauth.signing-key").map(raw -> {
            try {
                return TokenSigningKey.fromBase64(raw);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration("dotgit.oauth.signing-key", "must be base64 of at least "
                        + TokenSigningKey.MIN_BYTES + " random bytes, e.g. the output of 'openssl rand -base64 32'");
            }
        });
        return new AccessTokenSettings(lifetime, signingKey);
    }

    public Path repositoriesDir() {
        return dataDir.resolve("repositories");
    }

    public Path workspacesDir() {
        return dataDir.resolve("workspaces");
    }

    public Path sitesDir() {
        return dataDir.resolve("sites");
    }

    private static PlatformUrls platformUrls(String publicUrl, String hostingDomain) {
        URI uri;
        try {
            uri = new URI(publicUrl);
        } catch (URISyntaxException e) {
            throw new InvalidConfiguration("dotgit.public-url", "must be an absolute http(s) URL (got '" + publicUrl + "')");
        }
        try {
            new PlatformUrls(uri, "placeholder.invalid");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("dotgit.public-url", "must be an absolute http(s) URL (got '" + publicUrl + "')");
        }
        try {
            return new PlatformUrls(uri, hostingDomain);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("dotgit.hosting-domain",
                    "must be a host name with an optional port, such as sites.example.com (got '" + hostingDomain + "')");
        }
    }

    private static Optional<String> text(PropertyResolver properties, String key) {
        return properties.get(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int positiveInt(PropertyResolver properties, String key, int fallback) {
        Optional<String> raw = text(properties, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfiguration(key, "must be a whole number of at least 1 (got '" + raw.get() + "')");
    }

    private static Duration duration(PropertyResolver properties, String key, Duration fallback) {
        Optional<String> raw = text(properties, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        Duration parsed = properties.get(key, Duration.class).orElseThrow(() -> new InvalidConfiguration(key,
                "must be a duration such as 30s, 5m or PT15M (got '" + raw.get() + "')"));
        if (parsed.isNegative() || parsed.isZero()) {
            throw new InvalidConfiguration(key, "must be a positive duration (got '" + raw.get() + "')");
        }
        return parsed;
    }
}
