package dev.dotgit.bootstrap.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A long build that tells the test which processes it runs: its shell and a background
 * {@code sleep} write their pids into the directory named by the build's {@code PID_DIR}
 * variable (a JUnit temp dir the test passes in {@code env_vars}), then the shell waits.
 * Each pid file is written under another name and renamed, so a test never reads half a pid.
 */
public final class BuildProcesses {

    public static final String PID_DIR_VARIABLE = "PID_DIR";
    public static final String LONG_BUILD_COMMAND = "echo $$ > \"$PID_DIR/shell.tmp\" && mv \"$PID_DIR/shell.tmp\""
            + " \"$PID_DIR/shell.pid\"; sleep 300 & echo $! > \"$PID_DIR/sleep.tmp\" && mv \"$PID_DIR/sleep.tmp\""
            + " \"$PID_DIR/sleep.pid\"; wait";
    private static final List<String> PID_FILES = List.of("shell.pid", "sleep.pid");
    private static final Pattern PID = Pattern.compile("[0-9]+\n");

    private BuildProcesses() {
    }

    /** Waits until the build has written both pids (so its sleep runs) and returns them. */
    public static List<Long> awaitRecorded(Path pidDir, Duration atMost) {
        await("the build to record its pids in " + pidDir).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> recorded(pidDir).size() == PID_FILES.size());
        return recorded(pidDir);
    }

    /** The pids recorded so far. */
    public static List<Long> recorded(Path pidDir) {
        List<Long> pids = new ArrayList<>();
        for (String name : PID_FILES) {
            readPid(pidDir.resolve(name)).ifPresent(pids::add);
        }
        return pids;
    }

    /**
     * Whether the process still runs: its {@code /proc/<pid>/stat} exists and does not show a
     * zombie. {@link ProcessHandle#isAlive} would count a zombie (exited, waiting for its parent
     * to collect it) as alive.
     */
    public static boolean isRunning(long pid) {
        Optional<String> state = stateOf(pid);
        return state.isPresent() && !state.get().equals("Z") && !state.get().equals("X");
    }

    /**
     * Safety net for the end of a test, passing or failing: kills every recorded process that
     * still runs and still is a build process (a shell or the sleep), not a later process that
     * happens to reuse a pid.
     */
    public static void killRecorded(Path pidDir) {
        for (long pid : recorded(pidDir)) {
            if (isRunning(pid) && isBuildProcess(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static boolean isBuildProcess(long pid) {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.startsWith("sleep 300") || commandLine.contains("/bin/sh");
        } catch (IOException gone) {
            return false;
        }
    }

    /** The state letter of {@code /proc/<pid>/stat}: after the command, which ends at the last ')'. */
    private static Optional<String> stateOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            return PID.matcher(text).matches() ? Optional.of(Long.parseLong(text.trim())) : Optional.empty();
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }
}
