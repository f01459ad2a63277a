package dev.dotgit.bootstrap.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: {@code java -cp <test classpath> dev.dotgit.bootstrap.DotgitServer}
 * in a JVM of its own, configured through {@code -D} properties, in a working directory of the
 * test's. A test can kill it as a crash would (SIGKILL) or stop it as an operator would
 * (SIGTERM). Whatever happens to the test, the JVM and its child processes are killed on
 * {@link #close()}, and at the latest when the test JVM exits.
 */
public final class ChildServer implements AutoCloseable {

    public static final String MAIN_CLASS = "dev.dotgit.bootstrap.DotgitServer";
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildServer::killTree),
                "kill-child-servers"));
    }

    private final ServerSettings settings;
    private final Process process;
    private final Path output;

    private ChildServer(ServerSettings settings, Process process, Path output) {
        this.settings = settings;
        this.process = process;
        this.output = output;
    }

    /** Starts a server JVM with these settings; its stdout and stderr go to {@code output}. */
    public static ChildServer start(ServerSettings settings, Path workingDirectory, Path output) {
        List<String> command = javaCommand(settings.systemPropertyArguments());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        return new ChildServer(settings, launch(builder), output);
    }

    /**
     * Runs {@code DotgitServer} with these system properties, stdout and stderr to separate
     * files, for a start that is expected to stop by itself. The caller waits for it and
     * destroys it.
     */
    public static Process launch(List<String> systemProperties, Path workingDirectory, Path stdout, Path stderr) {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(systemProperties)).directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        return launch(builder);
    }

    private static Process launch(ProcessBuilder builder) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> RUNNING.remove(process));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> javaCommand(List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A small, quickly started JVM: the tests need seconds of uptime, not peak throughput.
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        URL productionLogging = ChildServer.class.getResource("/logback.xml");
        if (productionLogging != null) {
            // The server's own logging (INFO), not the test-jars' logback-test.xml, so its output tells what happened.
            command.add("-Dlogback.configurationFile=" + productionLogging);
        }
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        return command;
    }

    public Api api() {
        return new Api(settings);
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code /health} answers 200; fails at once, with the server's output, if the JVM exits first. */
    public ChildServer awaitHealthy(Duration atMost) {
        URI health = URI.create("http://127.0.0.1:" + settings.port() + "/health");
        await("the server on port " + settings.port() + " to be healthy").atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the server exited with " + process.exitValue()
                                + " before it was healthy; its output:\n" + output());
                    }
                    try {
                        return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
        return this;
    }

    /** SIGKILL, as a crash: nothing of the server runs after this, shutdown hooks included. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server JVM survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM, as an operator's stop; returns once the JVM has exited. */
    public void stopGracefully(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + atMost + " of SIGTERM; its output:\n"
                    + output());
        }
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        killTree(process);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
