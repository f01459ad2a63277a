package dev.dotgit.bootstrap.e2e.support;

import dev.dotgit.domain.apikey.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration one test server runs with, whether in this JVM or as a child JVM: a port
 * chosen up front (so the public URL and the hosting domain default to {@code localhost:<port>}),
 * its own data directory, a bootstrap key and operator token made up for the run, and job
 * intervals short enough that a dead node is noticed within seconds.
 *
 * @param extra further settings, e.g. a PostgreSQL datasource; they override the defaults here
 */
public record ServerSettings(int port, Path dataDir, SecretKey bootstrapKey, String operatorToken,
                             Map<String, String> extra) {

    /** db-scheduler's minimum; with a one-second heartbeat a dead node is noticed after about 4 s. */
    public static final int MISSED_HEARTBEATS_LIMIT = 4;
    public static final String HEARTBEAT_INTERVAL = "1s";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ServerSettings {
        extra = Map.copyOf(extra);
    }

    /** A new port, data directory, key and token. */
    public static ServerSettings fresh(Path dataDir) {
        return new ServerSettings(freePort(), dataDir, SecretKey.generate(), "op-" + randomAlphanumeric(32), Map.of());
    }

    public ServerSettings with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ServerSettings(port, dataDir, bootstrapKey, operatorToken, more);
    }

    /** Every setting, as Micronaut property names and values. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", Integer.toString(port));
        // Only the loopback interface: nothing outside this machine can reach a test server.
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("dotgit.data-dir", dataDir.toString());
        properties.put("dotgit.bootstrap.api-key", bootstrapKey.reveal());
        properties.put("dotgit.operator-token", operatorToken);
        properties.put("dotgit.jobs.polling-interval", "250ms");
        properties.put("dotgit.jobs.heartbeat-interval", HEARTBEAT_INTERVAL);
        properties.put("dotgit.jobs.missed-heartbeats-limit", Integer.toString(MISSED_HEARTBEATS_LIMIT));
        properties.put("dotgit.jobs.retry-initial-delay", "1s");
        properties.put("dotgit.jobs.shutdown-max-wait", "5s");
        properties.put("dotgit.builds.cancellation-check-interval", "250ms");
        // Every test client is 127.0.0.1 and many tests send bad keys on purpose: the failed-
        // authentication throttle would block them all. Its own test sets the real limit.
        properties.put("dotgit.auth.failed-attempts-limit", "1000000");
        // Tests fire many requests with the bootstrap key: its account gets a budget no test reaches
        // (the rate limiter's own tests make accounts with small numbers).
        properties.put("dotgit.bootstrap.rate-limit.per-minute", "1000000");
        properties.put("dotgit.bootstrap.rate-limit.burst", "1000000");
        // Webhook tests deliver to a receiver on loopback, which the SSRF guard refuses unless allowed.
        properties.put("dotgit.webhooks.allowed-hosts", "127.0.0.1");
        properties.putAll(extra);
        return properties;
    }

    /** The settings as {@code -Dkey=value} arguments of a child JVM. */
    public List<String> systemPropertyArguments() {
        return properties().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** {@code localhost:<port>}: the default public host and hosting domain of this server. */
    public String hostingDomain() {
        return "localhost:" + port;
    }

    /** A port nobody listens on right now; the server binds it a moment later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String randomAlphanumeric(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
