package dev.dotgit.bootstrap;

import io.micronaut.core.value.PropertyResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;

/**
 * TLS served by the server itself (CONTRACT §2.9), configured with Micronaut's own keys
 * ({@code micronaut.server.ssl.*}, {@code micronaut.server.dual-protocol}), each settable by its
 * environment variable ({@code MICRONAUT_SERVER_SSL_KEY_STORE_PATH} …). No {@code dotgit.tls.*}
 * aliases: a second name for every key would be a second place for them to disagree, and
 * Micronaut's keys reach options dotgit does not wrap (protocols, ciphers, PEM files).
 *
 * <p>What this class adds is the check before start: Micronaut reads the key store only when the
 * server binds, and a missing file or a wrong password then ends the start in a stack trace. Here
 * the same store is opened the way Micronaut will open it, and any problem becomes one
 * {@link InvalidConfiguration} line naming the key to fix.
 *
 * @param enabled      whether the server speaks TLS at all
 * @param dualProtocol whether it speaks plain HTTP on {@code micronaut.server.port} as well
 * @param tlsPort      the port TLS is served on ({@code micronaut.server.ssl.port}, default 8443)
 */
public record ServerTls(boolean enabled, boolean dualProtocol, int tlsPort) {

    static final String PREFIX = "micronaut.server.ssl.";
    /** Micronaut's default TLS port. */
    static final int DEFAULT_TLS_PORT = 8443;

    public static final ServerTls OFF = new ServerTls(false, false, DEFAULT_TLS_PORT);

    static ServerTls check(PropertyResolver properties) {
        boolean enabled = flag(properties, PREFIX + "enabled");
        boolean selfSigned = flag(properties, PREFIX + "build-self-signed");
        boolean dualProtocol = flag(properties, "micronaut.server.dual-protocol");
        int tlsPort = port(properties, PREFIX + "port");
        if (!enabled) {
            if (selfSigned) {
                throw new InvalidConfiguration(PREFIX + "build-self-signed",
                        "takes effect only with " + PREFIX + "enabled=true; set both, or neither");
            }
            if (dualProtocol) {
                throw new InvalidConfiguration("micronaut.server.dual-protocol",
                        "serves HTTP and HTTPS side by side and needs " + PREFIX + "enabled=true");
            }
            return OFF;
        }
        if (!selfSigned) {
            checkKeyStore(properties);
        }
        return new ServerTls(true, dualProtocol, tlsPort);
    }

    /** Where the API is reached when no {@code dotgit.public-url} says otherwise. */
    String defaultPublicUrl(int plainPort) {
        if (!enabled) {
            return "http://localhost" + (plainPort == 80 ? "" : ":" + plainPort);
        }
        return "https://localhost" + (tlsPort == 443 ? "" : ":" + tlsPort);
    }

    private static void checkKeyStore(PropertyResolver properties) {
        String pathKey = PREFIX + "key-store.path";
        String location = text(properties, pathKey).orElseThrow(() -> new InvalidConfiguration(pathKey,
                "is required with " + PREFIX + "enabled=true (a PKCS12 or JKS file as file:/path/to/keystore.p12),"
                        + " or set " + PREFIX + "build-self-signed=true for a generated certificate"));
        char[] storePassword = text(properties, PREFIX + "key-store.password").map(String::toCharArray).orElse(null);
        Optional<String> type = text(properties, PREFIX + "key-store.type");
        KeyStore store;
        try (InputStream in = open(pathKey, location)) {
            store = KeyStore.getInstance(type.orElse(KeyStore.getDefaultType()));
            store.load(in, storePassword);
        } catch (IOException e) {
            // KeyStore reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new InvalidConfiguration(PREFIX + "key-store.password",
                        "does not open the key store " + location);
            }
            throw new InvalidConfiguration(pathKey, "is not a readable " + type.orElse("PKCS12 or JKS")
                    + " key store (" + location + ": " + e.getMessage() + "); check it and "
                    + PREFIX + "key-store.type");
        } catch (java.security.KeyStoreException e) {
            throw new InvalidConfiguration(PREFIX + "key-store.type",
                    "must be a key store type this Java knows, such as PKCS12 or JKS (got '" + type.orElse("") + "')");
        } catch (GeneralSecurityException e) {
            throw new InvalidConfiguration(pathKey, "could not be read (" + location + ": " + e.getMessage() + ")");
        }
        checkPrivateKey(properties, store, storePassword);
    }

    /** The server needs a private key with its certificate, unlocked by the key password (or the store's). */
    private static void checkPrivateKey(PropertyResolver properties, KeyStore store, char[] storePassword) {
        Optional<String> alias = text(properties, PREFIX + "key.alias");
        char[] keyPassword = text(properties, PREFIX + "key.password").map(String::toCharArray).orElse(storePassword);
        try {
            boolean hasKey = false;
            for (String entry : Collections.list(store.aliases())) {
                if (store.isKeyEntry(entry) && alias.map(entry::equalsIgnoreCase).orElse(true)) {
                    hasKey = true;
                    store.getKey(entry, keyPassword);
                }
            }
            if (!hasKey) {
                throw alias.isPresent()
                        ? new InvalidConfiguration(PREFIX + "key.alias",
                                "names no private key in the key store (got '" + alias.get() + "')")
                        : new InvalidConfiguration(PREFIX + "key-store.path",
                                "holds no private key with its certificate");
            }
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).init(store, keyPassword);
        } catch (UnrecoverableKeyException e) {
            throw new InvalidConfiguration(PREFIX + "key.password",
                    "does not unlock the private key (it defaults to " + PREFIX + "key-store.password)");
        } catch (GeneralSecurityException e) {
            throw new InvalidConfiguration(PREFIX + "key-store.path", "holds a key the server cannot use ("
                    + e.getMessage() + ")");
        }
    }

    /** Micronaut's resource syntax: {@code file:} names a file, {@code classpath:} a resource. */
    private static InputStream open(String key, String location) throws IOException {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            InputStream in = ServerTls.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new InvalidConfiguration(key, "names no resource on the class path (got '" + location + "')");
            }
            return in;
        }
        if (!lower.startsWith("file:")) {
            throw new InvalidConfiguration(key, "must start with file: (a file) or classpath: (a bundled resource),"
                    + " e.g. file:" + location + " (got '" + location + "')");
        }
        Path file;
        try {
            file = Path.of(location.substring("file:".length()));
        } catch (InvalidPathException e) {
            throw new InvalidConfiguration(key, "is not a file path (got '" + location + "')");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidConfiguration(key, "names no readable file (got '" + location + "')");
        }
        return Files.newInputStream(file);
    }

    private static boolean flag(PropertyResolver properties, String key) {
        Optional<String> raw = text(properties, key);
        if (raw.isEmpty()) {
            return false;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfiguration(key, "must be true or false (got '" + raw.get() + "')");
        };
    }

    private static int port(PropertyResolver properties, String key) {
        Optional<String> raw = text(properties, key);
        if (raw.isEmpty()) {
            return DEFAULT_TLS_PORT;
        }
        try {
            int port = Integer.parseInt(raw.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfiguration(key, "must be a port number from 1 to 65535 (got '" + raw.get() + "')");
    }

    private static Optional<String> text(PropertyResolver properties, String key) {
        return properties.get(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
