package dev.dotgit.adapter.process;

import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.BuildOutput;
import dev.dotgit.application.port.out.build.BuildRequest;
import dev.dotgit.application.port.out.build.RunBuildPort;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each build as {@code /bin/sh -c <command>} in a child process of this JVM.
 *
 * <ul>
 *   <li>The environment is exactly the request's: {@link ProcessBuilder} starts from a copy of
 *       the server's own environment, which is emptied before the request's variables go in.
 *       That is why this adapter uses {@code ProcessBuilder} itself and not zt-exec, whose
 *       {@code environment(…)} only adds to the inherited environment and which offers no hook
 *       on its {@code ProcessBuilder} (removing each inherited name from a listener would hang
 *       on the order of its internal steps). Its line reader would not do either: it decodes
 *       with the platform charset and keeps a line of any length in memory.</li>
 *   <li>The shell is started through {@code setsid(1)} when the system has it, so the build
 *       runs in a session of its own and a process that re-parented itself away from the shell
 *       can still be found and stopped, on a timeout or cancel and also when the shell exits
 *       and leaves background processes behind: no build outlives its {@code run}.</li>
 *   <li>Standard input is {@code /dev/null}; stdout and stderr are read by a thread each and
 *       handed on line by line (see {@link OutputLines}).</li>
 * </ul>
 */
public final class ChildProcessBuilds implements RunBuildPort {

    static final Duration DEFAULT_KILL_GRACE_PERIOD = Duration.ofSeconds(5);
    /**
     * How long {@code run} waits for the last output once the build's processes are gone. The
     * streams end as soon as no process holds them, so this only runs out when one escaped
     * the build's session while keeping its output open.
     */
    static final Duration DEFAULT_OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final String SHELL = "/bin/sh";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final File NO_INPUT = new File("/dev/null");
    private static final System.Logger LOG = System.getLogger(ChildProcessBuilds.class.getName());

    private final Duration killGracePeriod;
    private final Duration outputDrainTimeout;
    private final boolean ownSession;

    public ChildProcessBuilds() {
        this(DEFAULT_KILL_GRACE_PERIOD);
    }

    /** @param killGracePeriod how long a build may take to stop after SIGTERM before it gets SIGKILL */
    public ChildProcessBuilds(Duration killGracePeriod) {
        this(killGracePeriod, DEFAULT_OUTPUT_DRAIN_TIMEOUT, Files.isExecutable(SETSID));
    }

    ChildProcessBuilds(Duration killGracePeriod, Duration outputDrainTimeout, boolean ownSession) {
        this.killGracePeriod = Objects.requireNonNull(killGracePeriod, "killGracePeriod");
        this.outputDrainTimeout = Objects.requireNonNull(outputDrainTimeout, "outputDrainTimeout");
        this.ownSession = ownSession;
        if (!ownSession) {
            LOG.log(Level.WARNING, "{0} is missing: builds run in the server''s session, and a build process that"
                    + " re-parents itself cannot be found when the build is stopped", SETSID);
        }
    }

    @Override
    public BuildOutcome run(BuildRequest request, BuildOutput output, BuildCancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new BuildOutcome.Cancelled();
        }
        if (!Files.isDirectory(request.workingDirectory())) {
            return new BuildOutcome.FailedToStart("The working directory " + request.workingDirectory()
                    + " does not exist");
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine(request.command()))
                .directory(request.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
        builder.environment().clear();
        try {
            builder.environment().putAll(request.environment());
        } catch (IllegalArgumentException e) {
            // Names with '=' or NUL; the message would quote the value, which may be a secret.
            return new BuildOutcome.FailedToStart("An environment variable has a name the system does not accept");
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new BuildOutcome.FailedToStart("The build shell could not be started: " + e.getMessage());
        }
        return supervise(process, request.timeout(), new GatedOutput(output), cancellation);
    }

    private List<String> commandLine(String command) {
        List<String> line = new ArrayList<>();
        if (ownSession) {
            // From a JVM the child is never a process-group leader, so setsid(1) does not fork:
            // it calls setsid(2) and execs the shell, whose pid is then the session id.
            // --wait keeps the exit code right should it ever fork anyway.
            line.add(SETSID.toString());
            line.add("--wait");
        }
        // "--" so that a command starting with '-' is run, not read as shell options.
        line.addAll(List.of(SHELL, "-c", "--", command));
        return line;
    }

    private BuildOutcome supervise(Process process, Duration timeout, GatedOutput output,
                                   BuildCancellation cancellation) {
        String name = "build-" + process.pid();
        Thread stdout = OutputLines.start(process.getInputStream(), output::stdout, name + "-stdout");
        Thread stderr = OutputLines.start(process.getErrorStream(), output::stderr, name + "-stderr");
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        // Runs on the cancelling thread, at once if the cancel came between the check in run()
        // and here: it only wakes the wait below, which does the killing on this thread.
        cancellation.onCancel(() -> cancelled.complete(null));

        boolean interrupted = false;
        Ending ending;
        try {
            CompletableFuture.anyOf(process.onExit(), cancelled).get(nanos(timeout), TimeUnit.NANOSECONDS);
            ending = Ending.CANCELLED; // or the shell exited: settled just below
        } catch (TimeoutException e) {
            ending = Ending.TIMED_OUT;
        } catch (InterruptedException e) {
            // The pipeline's thread is being stopped: the build must not outlive it.
            interrupted = true;
            ending = Ending.CANCELLED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the build failed", e);
        }
        // An exit racing a cancel or the timeout ends as the exit if the shell was already gone
        // when we looked: nothing was killed, so the outcome says how it really ended, and the
        // pipeline checks its cancellation after the build anyway.
        if (!process.isAlive()) {
            ending = Ending.EXITED;
        }

        // Always, even after a normal exit: background processes the build left behind are
        // stopped here, and until they are gone they would also hold the output streams open.
        new ProcessTree(process.toHandle(), ownSession).terminate(killGracePeriod);
        BuildOutcome outcome = switch (ending) {
            case EXITED -> new BuildOutcome.Exited(exitCodeOf(process));
            case TIMED_OUT -> new BuildOutcome.TimedOut(timeout);
            case CANCELLED -> new BuildOutcome.Cancelled();
        };
        interrupted |= awaitOutput(stdout, stderr);
        output.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    private enum Ending { EXITED, TIMED_OUT, CANCELLED }

    /** Called only once the shell has exited, so it returns at once. */
    private static int exitCodeOf(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for both readers to reach the end of their stream; true if interrupted meanwhile. */
    private boolean awaitOutput(Thread stdout, Thread stderr) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + outputDrainTimeout.toNanos();
        for (Thread reader : List.of(stdout, stderr)) {
            while (reader.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.log(Level.WARNING, "{0} still open after the build ended: a process outside the build''s"
                            + " session holds it; its further output is dropped", reader.getName());
                    return interrupted;
                }
                try {
                    reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException beyondThreeHundredYears) {
            return Long.MAX_VALUE;
        }
    }
}
