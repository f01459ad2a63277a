package dev.dotgit.adapter.process;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes of one build: the shell, everything it started, and (when the shell leads
 * its own session) everything still in that session, which includes processes that
 * re-parented themselves away from the shell by a double fork. Only a process that starts a
 * session of its own ({@code setsid}) escapes; nothing short of a cgroup could follow it.
 */
final class ProcessTree {

    private static final System.Logger LOG = System.getLogger(ProcessTree.class.getName());
    private static final Duration POLL = Duration.ofMillis(25);
    /** A forcibly killed process can still take a moment, in uninterruptible I/O say; not this long. */
    private static final Duration FORCED_KILL_PATIENCE = Duration.ofSeconds(30);

    private static final Set<String> ZOMBIE_STATES = Set.of("Z", "X");

    private final ProcessHandle root;
    private final boolean rootLeadsSession;

    /**
     * @param rootLeadsSession the root was started through {@code setsid}, so its pid is the
     *                         id of the session its processes share
     */
    ProcessTree(ProcessHandle root, boolean rootLeadsSession) {
        this.root = root;
        this.rootLeadsSession = rootLeadsSession;
    }

    /**
     * Stops every process of the build and returns once none is alive: first SIGTERM, so a
     * tool may clean up, then SIGKILL after {@code gracePeriod}. Members are collected before
     * each round of signals, while the root still lives (afterwards its children re-parent and
     * are no longer its descendants), and processes forked meanwhile are caught by the next
     * round. Interrupts do not cut this short; the thread's interrupt flag is kept.
     */
    void terminate(Duration gracePeriod) {
        // Cleared for the duration, or every pause would end at once; set again on the way out.
        boolean interrupted = Thread.interrupted();
        try {
            Set<ProcessHandle> signalled = new LinkedHashSet<>();
            long politeUntil = System.nanoTime() + gracePeriod.toNanos();
            do {
                for (ProcessHandle member : collect()) {
                    if (signalled.add(member)) {
                        member.destroy();
                    }
                }
                if (signalled.stream().noneMatch(ProcessTree::isRunning)) {
                    return;
                }
                interrupted |= pause();
            } while (System.nanoTime() - politeUntil < 0);

            long patientUntil = System.nanoTime() + FORCED_KILL_PATIENCE.toNanos();
            while (true) {
                Set<ProcessHandle> alive = collect();
                signalled.stream().filter(ProcessTree::isRunning).forEach(alive::add);
                if (alive.isEmpty()) {
                    return;
                }
                alive.forEach(ProcessHandle::destroyForcibly);
                if (System.nanoTime() - patientUntil > 0) {
                    LOG.log(Level.WARNING, "build processes {0} survived SIGKILL for {1}; giving up on them",
                            alive.stream().map(ProcessHandle::pid).toList(), FORCED_KILL_PATIENCE);
                    return;
                }
                interrupted |= pause();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The living members: the root's descendants, the root, and the other members of its session. */
    private Set<ProcessHandle> collect() {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        if (isRunning(root)) {
            // Descendants first, before anything is signalled in this round.
            root.descendants().forEach(members::add);
            members.add(root);
        }
        if (rootLeadsSession) {
            long self = ProcessHandle.current().pid();
            // Safe against pid reuse: a session id stays taken while any process of the session
            // lives, so a match is one of ours; only after they are all gone could an unrelated
            // process that got the root's old pid start a session with that id, which needs the
            // system's pids to wrap around within this loop.
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                all.filter(p -> p.pid() != self && sessionOf(p.pid()).orElse(-1) == root.pid())
                        .forEach(members::add);
            }
        }
        members.removeIf(p -> !isRunning(p));
        return members;
    }

    /**
     * Alive and not a zombie. {@link ProcessHandle#isAlive} counts a zombie as alive, but a
     * zombie has exited: it holds no files and no signal reaches it, it only waits for its
     * parent (for an orphan, init) to collect its exit status, which may take a while.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Optional<String[]> stat = statOf(process.pid());
        return stat.isEmpty() || !ZOMBIE_STATES.contains(stat.get()[0]);
    }

    /** The session id of a process; empty if it is gone or {@code /proc} cannot tell. */
    static OptionalLong sessionOf(long pid) {
        try {
            return statOf(pid).map(fields -> OptionalLong.of(Long.parseLong(fields[3]))).orElse(OptionalLong.empty());
        } catch (NumberFormatException unexpectedFormat) {
            return OptionalLong.empty();
        }
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command: state, ppid, pgrp, session and
     * the rest unsplit. The command may contain anything, spaces and parentheses included, but
     * is closed by the last ')'.
     */
    private static Optional<String[]> statOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
            return fields.length == 5 ? Optional.of(fields) : Optional.empty();
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Sleeps one poll interval; true if interrupted meanwhile. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
