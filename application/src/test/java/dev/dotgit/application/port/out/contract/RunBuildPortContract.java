package dev.dotgit.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.BuildOutput;
import dev.dotgit.application.port.out.build.BuildRequest;
import dev.dotgit.application.port.out.build.RunBuildPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RunBuildPort} must do, with real child processes. Commands that wait do
 * their waiting in the child ({@code sleep}); the test only waits for what it observes.
 *
 * <p>Commands that start processes write their pids to the file {@code pids}; after each test
 * any of them still alive is killed, so a broken implementation cannot leave them behind.
 */
public abstract class RunBuildPortContract {

    protected static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    protected static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    protected Path temp;

    protected RunBuildPort builds;
    protected Path workspace;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    /** The port under test; its grace period between a polite and a forced kill should be short. */
    protected abstract RunBuildPort createPort();

    @BeforeEach
    void createPortUnderTest() throws IOException {
        builds = createPort();
        workspace = Files.createDirectories(temp.resolve("workspace"));
    }

    @AfterEach
    void killWhatABrokenImplementationLeftRunning() throws IOException {
        callers.shutdownNow();
        for (long pid : recordedPids()) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/sleep") || c.endsWith("sh")).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    protected BuildRequest request(String command) {
        return request(command, Map.of("PATH", PATH, "HOME", workspace.toString()), GENEROUS);
    }

    protected BuildRequest request(String command, Map<String, String> environment, Duration timeout) {
        return new BuildRequest(workspace, command, environment, timeout);
    }

    protected BuildOutcome run(String command, RecordedOutput output) {
        return builds.run(request(command), output, new BuildCancellation());
    }

    protected CompletableFuture<BuildOutcome> runInBackground(BuildRequest request, RecordedOutput output,
                                                              BuildCancellation cancellation) {
        return CompletableFuture.supplyAsync(() -> builds.run(request, output, cancellation), callers);
    }

    /** The pids the command wrote to {@code pids}, one per line. */
    protected List<Long> recordedPids() throws IOException {
        Path file = workspace == null ? null : workspace.resolve("pids");
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
    }

    protected void awaitRecordedPids(int count) {
        await().atMost(GENEROUS).until(() -> recordedPids().size() >= count);
    }

    /**
     * Whether the process still runs. A zombie does not: it has exited and only waits for its
     * parent, for an orphan the system's init, to collect its status, which some inits do
     * late (seconds) or never. {@link ProcessHandle} counts zombies as alive, {@code /proc} tells.
     */
    public static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    protected void assertNoRecordedProcessRuns() throws IOException {
        List<Long> pids = recordedPids();
        assertThat(pids).isNotEmpty();
        assertThat(pids).noneMatch(RunBuildPortContract::isRunning);
    }

    @Test
    void theCommandsExitCodeIsTheOutcome() {
        assertThat(run("exit 0", new RecordedOutput())).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(run("exit 3", new RecordedOutput())).isEqualTo(new BuildOutcome.Exited(3));
        assertThat(run("false", new RecordedOutput())).isEqualTo(new BuildOutcome.Exited(1));
        assertThat(run("no-such-command-anywhere", new RecordedOutput())).isEqualTo(new BuildOutcome.Exited(127));
    }

    @Test
    void stdoutAndStderrArriveApartEachInItsOrder() {
        RecordedOutput output = new RecordedOutput();

        BuildOutcome outcome = run("echo one; echo two >&2; echo three; echo four >&2; echo", output);

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(output.stdout).containsExactly("one", "three", "");
        assertThat(output.stderr).containsExactly("two", "four");
    }

    @Test
    void theCommandRunsInTheWorkingDirectory() throws IOException {
        RecordedOutput output = new RecordedOutput();

        run("pwd -P; echo built > made.txt", output);

        assertThat(output.stdout).containsExactly(workspace.toRealPath().toString());
        assertThat(workspace.resolve("made.txt")).hasContent("built");
    }

    @Test
    void theEnvironmentIsExactlyTheRequestedOneAndNothingOfTheServers() {
        Map<String, String> requested = Map.of("PATH", "/usr/bin:/bin", "HOME", workspace.toString(),
                "ONLY_THIS", "yes", "WITH_SPACES", "a b  c");
        Set<String> serverOnly = new HashSet<>(System.getenv().keySet());
        serverOnly.removeAll(requested.keySet());
        // The check below can only fail if the server has variables of its own to leak.
        assertThat(serverOnly).isNotEmpty();
        RecordedOutput output = new RecordedOutput();

        builds.run(request("env", requested, GENEROUS), output, new BuildCancellation());

        Map<String, String> seen = asEnvironment(output.stdout);
        assertThat(seen).containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("HOME", workspace.toString())
                .containsEntry("ONLY_THIS", "yes")
                .containsEntry("WITH_SPACES", "a b  c");
        assertThat(seen.keySet()).doesNotContainAnyElementsOf(serverOnly.stream()
                .filter(name -> !SHELL_VARIABLES.contains(name)).toList());
        assertThat(seen.keySet()).isSubsetOf(union(requested.keySet(), SHELL_VARIABLES));
    }

    @Test
    void anEmptyEnvironmentStaysEmpty() {
        RecordedOutput output = new RecordedOutput();

        builds.run(request("/usr/bin/env", Map.of(), GENEROUS), output, new BuildCancellation());

        assertThat(asEnvironment(output.stdout).keySet()).isSubsetOf(SHELL_VARIABLES);
    }

    /** What {@code /bin/sh} itself may add to the environment of the commands it runs. */
    private static final Set<String> SHELL_VARIABLES = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    private static Map<String, String> asEnvironment(List<String> lines) {
        Map<String, String> environment = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            assertThat(equals).as("env line %s", line).isPositive();
            environment.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return environment;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void aLineArrivesWhileTheCommandStillRuns() throws Exception {
        RecordedOutput output = new RecordedOutput();
        CompletableFuture<BuildOutcome> build = runInBackground(
                request("echo first; while [ ! -e release ]; do sleep 0.05; done; echo second"),
                output, new BuildCancellation());

        await().atMost(GENEROUS).until(() -> output.stdout.contains("first"));
        assertThat(build).isNotDone();
        assertThat(output.stdout).containsExactly("first");

        Files.writeString(workspace.resolve("release"), "go");

        assertThat(build.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(output.stdout).containsExactly("first", "second");
    }

    @Test
    void thousandsOfLinesAllArriveInOrder() {
        RecordedOutput output = new RecordedOutput();

        BuildOutcome outcome = run("seq 1 20000", output);

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(output.stdout).isEqualTo(IntStream.rangeClosed(1, 20_000).mapToObj(Integer::toString).toList());
    }

    @Test
    void interleavedStreamsEachKeepTheirOrder() {
        RecordedOutput output = new RecordedOutput();

        run("i=0; while [ $i -lt 3000 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done", output);

        assertThat(output.stdout).isEqualTo(IntStream.range(0, 3000).mapToObj(i -> "out" + i).toList());
        assertThat(output.stderr).isEqualTo(IntStream.range(0, 3000).mapToObj(i -> "err" + i).toList());
    }

    @Test
    void aVeryLongLineWithoutNewlineArrivesComplete() {
        RecordedOutput output = new RecordedOutput();

        BuildOutcome outcome = run("head -c 1000000 /dev/zero | tr '\\0' a", output);

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(String.join("", output.stdout)).isEqualTo("a".repeat(1_000_000));
    }

    @Test
    void aLastLineWithoutNewlineIsDelivered() {
        RecordedOutput output = new RecordedOutput();

        run("printf 'first\\nlast'; printf 'no newline' >&2", output);

        assertThat(output.stdout).containsExactly("first", "last");
        assertThat(output.stderr).containsExactly("no newline");
    }

    @Test
    void outputIsDecodedAsUtf8AndSurvivesInvalidBytes() {
        RecordedOutput output = new RecordedOutput();

        run("printf 'caf\\303\\251 \\342\\234\\223\\n\\377\\376 broken\\nwindows\\r\\nafter\\n'", output);

        assertThat(output.stdout).hasSize(4);
        assertThat(output.stdout.get(0)).isEqualTo("café ✓");
        assertThat(output.stdout.get(1)).contains("\uFFFD").endsWith(" broken");
        assertThat(output.stdout.subList(2, 4)).containsExactly("windows", "after");
    }

    @Test
    void aBuildThatRunsTooLongIsKilledWithItsWholeTree() throws IOException {
        RecordedOutput output = new RecordedOutput();
        Duration timeout = Duration.ofSeconds(2);
        long started = System.nanoTime();

        BuildOutcome outcome = builds.run(request(
                "echo $$ >> pids; sleep 300 & echo $! >> pids; echo waiting; sleep 300",
                Map.of("PATH", PATH), timeout), output, new BuildCancellation());

        assertThat(outcome).isEqualTo(new BuildOutcome.TimedOut(timeout));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
        assertThat(recordedPids()).hasSize(2);
        assertNoRecordedProcessRuns();
        assertThat(output.stdout).containsExactly("waiting");
    }

    @Test
    void cancellingKillsTheWholeProcessTree() throws Exception {
        RecordedOutput output = new RecordedOutput();
        BuildCancellation cancellation = new BuildCancellation();
        CompletableFuture<BuildOutcome> build = runInBackground(request(
                "echo $$ >> pids; sleep 300 & echo $! >> pids; sleep 300 & echo $! >> pids; wait"),
                output, cancellation);
        awaitRecordedPids(3);
        assertThat(recordedPids()).allMatch(RunBuildPortContract::isRunning);

        cancellation.cancel();

        assertThat(build.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Cancelled());
        assertNoRecordedProcessRuns();
    }

    @Test
    void processesThatIgnoreThePoliteSignalAreKilledAnyway() throws Exception {
        BuildCancellation cancellation = new BuildCancellation();
        CompletableFuture<BuildOutcome> build = runInBackground(request(
                "trap '' TERM; echo $$ >> pids; sleep 300 & echo $! >> pids; wait"),
                new RecordedOutput(), cancellation);
        awaitRecordedPids(2);

        cancellation.cancel();

        assertThat(build.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Cancelled());
        assertNoRecordedProcessRuns();
    }

    @Test
    void aBuildCancelledBeforeItStartsNeverRuns() {
        BuildCancellation cancellation = new BuildCancellation();
        cancellation.cancel();
        RecordedOutput output = new RecordedOutput();

        BuildOutcome outcome = builds.run(request("echo ran; echo ran > marker"), output, cancellation);

        assertThat(outcome).isEqualTo(new BuildOutcome.Cancelled());
        assertThat(workspace.resolve("marker")).doesNotExist();
        assertThat(output.stdout).isEmpty();
    }

    @Test
    void aCancelAfterTheBuildEndedChangesNothing() {
        BuildCancellation cancellation = new BuildCancellation();

        BuildOutcome outcome = builds.run(request("echo done"), new RecordedOutput(), cancellation);
        cancellation.cancel();

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
    }

    @Test
    void aMissingWorkingDirectoryFailsToStart() {
        RecordedOutput output = new RecordedOutput();
        BuildRequest request = new BuildRequest(temp.resolve("does-not-exist"), "echo ran", Map.of("PATH", PATH),
                GENEROUS);

        BuildOutcome outcome = builds.run(request, output, new BuildCancellation());

        assertThat(outcome).isInstanceOfSatisfying(BuildOutcome.FailedToStart.class,
                failed -> assertThat(failed.reason()).isNotBlank());
        assertThat(output.stdout).isEmpty();
        assertThat(output.stderr).isEmpty();
    }

    /** Collects output as the port delivers it; the lists are safe to read while a build runs. */
    protected static final class RecordedOutput implements BuildOutput {

        public final List<String> stdout = new CopyOnWriteArrayList<>();
        public final List<String> stderr = new CopyOnWriteArrayList<>();

        @Override
        public void stdout(String line) {
            stdout.add(line);
        }

        @Override
        public void stderr(String line) {
            stderr.add(line);
        }
    }
}
