package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.ChildServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TestKeyStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §2.8: a bad setting stops the server at start with one clear line naming the key,
 * and no stack trace. Checked on the real entry point, {@code DotgitServer.main}, in a JVM of its
 * own (it ends with {@code System.exit}).
 */
class StartupConfigurationErrorsTest {

    /** JVM start and the configuration check; the server itself is never started. */
    private static final long EXIT_WITHIN_SECONDS = 10;

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPublicUrlThatIsNotAUrlStopsTheStartWithOneLineNamingTheKey() throws Exception {
        assertRefusedWithOneLine("dotgit.public-url", "-Ddotgit.public-url=not-a-url");
    }

    @Test
    void aMalformedBootstrapKeyStopsTheStartWithOneLineNamingTheKey() throws Exception {
        assertRefusedWithOneLine("dotgit.bootstrap.api-key", "-Ddotgit.bootstrap.api-key=gsk_live_notakey");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressStopsTheStartWithOneLineNamingTheKey() throws Exception {
        assertRefusedWithOneLine("dotgit.trusted-proxies", "-Ddotgit.trusted-proxies=10.0.0.1,proxy.example.com");
    }

    @Test
    void aTokenSigningKeyThatIsTooShortStopsTheStartWithOneLineNamingTheKey() throws Exception {
        // base64 of 16 bytes: half of what HMAC-SHA256 needs
        assertRefusedWithOneLine("dotgit.oauth.signing-key", "-Ddotgit.oauth.signing-key=AAAAAAAAAAAAAAAAAAAAAA==");
    }

    @Test
    void aKeyStoreThatIsNotThereStopsTheStartWithOneLineNamingTheKey() throws Exception {
        assertRefusedWithOneLine("micronaut.server.ssl.key-store.path", "-Dmicronaut.server.ssl.enabled=true",
                "-Dmicronaut.server.ssl.key-store.path=file:" + work.resolve("missing.p12"),
                "-Dmicronaut.server.ssl.key-store.password=whatever");
    }

    @Test
    void aWrongKeyStorePasswordStopsTheStartWithOneLineNamingTheKey() throws Exception {
        TestKeyStores.Generated keyStore = TestKeyStores.generate(work, "wrong-password", "the-right-one");
        assertRefusedWithOneLine("micronaut.server.ssl.key-store.password", "-Dmicronaut.server.ssl.enabled=true",
                "-Dmicronaut.server.ssl.key-store.path=" + keyStore.location(),
                "-Dmicronaut.server.ssl.key-store.password=not-the-right-one");
    }

    private void assertRefusedWithOneLine(String key, String... badSettings) throws Exception {
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        // A free port and a data directory of the test's: were the setting accepted, the server
        // would start there (and be killed), never on 8080 or in the working directory's ./data.
        List<String> properties = new ArrayList<>(List.of("-Dmicronaut.server.port=" + ServerSettings.freePort(),
                "-Dmicronaut.server.host=127.0.0.1", "-Ddotgit.data-dir=" + work.resolve("data")));
        properties.addAll(List.of(badSettings));
        long startedAt = System.nanoTime();
        Process process = ChildServer.launch(properties, work, stdout, stderr);
        started.add(process);

        boolean exited = process.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);

        assertThat(exited).as("exited within %s s; stdout:%n%s%nstderr:%n%s", EXIT_WITHIN_SECONDS, read(stdout),
                read(stderr)).isTrue();
        assertThat(process.exitValue()).as("exit code").isNotZero();
        List<String> errorLines = read(stderr).lines().filter(line -> !line.isBlank()).toList();
        assertThat(errorLines).as("stderr").singleElement().asString().contains(key);
        for (Path stream : List.of(stdout, stderr)) {
            assertThat(read(stream).lines()).as("no stack trace in %s", stream.getFileName())
                    .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
        System.out.printf("%s refused in %d s: %s%n", key, seconds, errorLines.get(0));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
