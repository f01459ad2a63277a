package dev.dotgit.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.BuildOutput;
import dev.dotgit.application.port.out.build.BuildRequest;
import dev.dotgit.application.port.out.contract.RunBuildPortContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How this adapter reaches the processes the contract speaks of: a session of its own for
 * every build, and what happens at the edges (escaped processes, failing receivers).
 * Commands write the pids they start to {@code pids}; any still alive after a test is killed.
 */
class ChildProcessBuildsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");

    @TempDir
    Path workspace;
    ChildProcessBuilds builds = new ChildProcessBuilds(Duration.ofMillis(300));

    @BeforeEach
    void requireSetsid() {
        assertThat(Path.of("/usr/bin/setsid")).as("these tests describe builds in sessions of their own")
                .isExecutable();
    }

    @AfterEach
    void killWhatATestLeftRunning() throws IOException {
        for (long pid : recordedPids()) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/sleep") || c.endsWith("sh")).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private BuildRequest request(String command) {
        return new BuildRequest(workspace, command, ENVIRONMENT, GENEROUS);
    }

    private List<Long> recordedPids() throws IOException {
        Path file = workspace.resolve("pids");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
    }

    private static boolean isRunning(long pid) {
        return RunBuildPortContract.isRunning(pid);
    }

    @Test
    void theBuildShellLeadsASessionOfItsOwn() {
        Lines output = new Lines();

        builds.run(request("echo $$; cat /proc/$$/stat"), output, new BuildCancellation());

        long shell = Long.parseLong(output.stdout.get(0));
        String[] stat = output.stdout.get(1).substring(output.stdout.get(1).lastIndexOf(')') + 2).split(" ");
        assertThat(Long.parseLong(stat[3])).as("session id").isEqualTo(shell);
        assertThat(ProcessTree.sessionOf(ProcessHandle.current().pid()).orElseThrow()).isNotEqualTo(shell);
    }

    @Test
    void aProcessThatLeftTheShellsTreeIsStoppedWithTheBuild() throws Exception {
        BuildCancellation cancellation = new BuildCancellation();
        // The subshell starts a sleep and exits at once: the sleep is re-parented away from the
        // shell, so it is no descendant of the build any more, only a member of its session.
        CompletableFuture<BuildOutcome> build = CompletableFuture.supplyAsync(() -> builds.run(
                request("(sleep 300 & echo $! >> pids); echo $$ >> pids; sleep 300"), new Lines(), cancellation));
        await().atMost(GENEROUS).until(() -> recordedPids().size() == 2);
        long orphan = recordedPids().get(0);
        long shell = recordedPids().get(1);
        await().atMost(GENEROUS).until(() -> ProcessHandle.of(orphan).flatMap(ProcessHandle::parent)
                .map(ProcessHandle::pid).orElse(shell) != shell);

        cancellation.cancel();

        assertThat(build.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Cancelled());
        assertThat(recordedPids()).noneMatch(ChildProcessBuildsTest::isRunning);
    }

    @Test
    void backgroundProcessesASuccessfulBuildLeftBehindAreStopped() throws IOException {
        Lines output = new Lines();
        long started = System.nanoTime();

        BuildOutcome outcome = builds.run(request("sleep 300 & echo $! >> pids; (sleep 300 & echo $! >> pids); "
                + "echo done"), output, new BuildCancellation());

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
        assertThat(output.stdout).containsExactly("done");
        assertThat(recordedPids()).hasSize(2).noneMatch(ChildProcessBuildsTest::isRunning);
    }

    @Test
    void withoutASessionOfItsOwnTheShellsTreeIsStillStopped() throws Exception {
        ChildProcessBuilds withoutSetsid = new ChildProcessBuilds(Duration.ofMillis(300), Duration.ofSeconds(10),
                false);
        BuildCancellation cancellation = new BuildCancellation();
        CompletableFuture<BuildOutcome> build = CompletableFuture.supplyAsync(() -> withoutSetsid.run(
                request("echo $$ >> pids; sleep 300 & echo $! >> pids; sleep 300 & echo $! >> pids; wait"),
                new Lines(), cancellation));
        await().atMost(GENEROUS).until(() -> recordedPids().size() == 3);

        cancellation.cancel();

        assertThat(build.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Cancelled());
        assertThat(recordedPids()).noneMatch(ChildProcessBuildsTest::isRunning);
    }

    @Test
    void aProcessThatEscapedToASessionOfItsOwnDoesNotHoldUpTheBuild() throws Exception {
        ChildProcessBuilds impatient = new ChildProcessBuilds(Duration.ofMillis(300), Duration.ofMillis(500), true);
        Lines output = new Lines();
        try {
            // The escaped sleep keeps the build's stdout open, so that stream never ends. The
            // shell waits until it has escaped: before that it is still a member, and stopped.
            BuildOutcome outcome = impatient.run(request(
                    "/usr/bin/setsid sh -c 'echo $$ >> pids; exec sleep 300' & "
                            + "while [ ! -s pids ]; do sleep 0.05; done; echo done"), output,
                    new BuildCancellation());

            assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
            assertThat(output.stdout).containsExactly("done");
        } finally {
            await().atMost(GENEROUS).until(() -> recordedPids().size() == 1);
            ProcessHandle.of(recordedPids().get(0)).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void interruptingTheCallingThreadStopsTheBuildAndKeepsTheInterrupt() throws Exception {
        CompletableFuture<BuildOutcome> outcome = new CompletableFuture<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            outcome.complete(builds.run(request("echo $$ >> pids; sleep 300 & echo $! >> pids; wait"), new Lines(),
                    new BuildCancellation()));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        await().atMost(GENEROUS).until(() -> recordedPids().size() == 2);

        caller.interrupt();

        assertThat(outcome.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new BuildOutcome.Cancelled());
        caller.join(GENEROUS.toMillis());
        assertThat(stillInterrupted).isTrue();
        assertThat(recordedPids()).noneMatch(ChildProcessBuildsTest::isRunning);
    }

    @Test
    void aLongLineComesInPiecesThatNeverSplitACharacter() {
        Lines output = new Lines();
        int before = OutputLines.MAX_LINE_LENGTH - 1;

        // An emoji is two chars in Java: placed across the piece boundary it must stay whole.
        builds.run(request("head -c " + before + " /dev/zero | tr '\\0' a; printf '\\360\\237\\230\\200'; "
                + "head -c 40000 /dev/zero | tr '\\0' b; echo; echo next"), output, new BuildCancellation());

        String expected = "a".repeat(before) + "\uD83D\uDE00" + "b".repeat(40_000);
        assertThat(output.stdout.get(output.stdout.size() - 1)).isEqualTo("next");
        List<String> pieces = output.stdout.subList(0, output.stdout.size() - 1);
        assertThat(String.join("", pieces)).isEqualTo(expected);
        assertThat(pieces).hasSizeGreaterThan(2).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(OutputLines.MAX_LINE_LENGTH);
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
        });
    }

    @Test
    void aReceiverThatFailsDoesNotStopTheReading() {
        AtomicInteger offered = new AtomicInteger();
        BuildOutput failing = new BuildOutput() {
            @Override
            public void stdout(String line) {
                offered.incrementAndGet();
                throw new IllegalStateException("log store unavailable");
            }

            @Override
            public void stderr(String line) {
                throw new IllegalStateException("log store unavailable");
            }
        };

        // Far more than a pipe holds: unread, seq would block until the timeout.
        BuildOutcome outcome = builds.run(request("seq 1 200000"), failing, new BuildCancellation());

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(0));
        assertThat(offered).hasValue(200_000);
    }

    @Test
    void anEnvironmentNameTheSystemRefusesFailsWithoutRevealingTheValue() {
        BuildOutcome outcome = builds.run(new BuildRequest(workspace, "echo ran",
                Map.of("PATH", "/usr/bin:/bin", "BAD=NAME", "s3cret-value"), GENEROUS), new Lines(),
                new BuildCancellation());

        assertThat(outcome).isInstanceOfSatisfying(BuildOutcome.FailedToStart.class,
                failed -> assertThat(failed.reason()).doesNotContain("s3cret-value"));
    }

    @Test
    void aCommandStartingWithADashIsACommandNotShellOptions() {
        Lines output = new Lines();

        // Read as options, "-e" would be taken by sh and "echo ran" run as the command.
        BuildOutcome outcome = builds.run(request("-e echo ran"), output, new BuildCancellation());

        assertThat(outcome).isEqualTo(new BuildOutcome.Exited(127));
        assertThat(output.stdout).isEmpty();
    }

    private static final class Lines implements BuildOutput {
        final List<String> stdout = new CopyOnWriteArrayList<>();
        final List<String> stderr = new CopyOnWriteArrayList<>();

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
