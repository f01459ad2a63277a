package dev.dotgit.application.service.pipeline;

import dev.dotgit.application.port.out.build.BuildOutput;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment's log as the pipeline writes it. Pipeline steps are written at once; build
 * output is buffered and written in batches (by size, or by the periodic {@link #flush}),
 * because a chatty build would otherwise cost one transaction per line. Steps flush the
 * buffer first, so the stored order is the order things happened.
 */
final class PipelineLog implements BuildOutput {

    static final int BATCH_SIZE = 200;

    private final DeploymentId deployment;
    private final AppendDeploymentLogPort logs;
    private final RunInTransactionPort transactions;
    private final Clock clock;
    private final int maxOutputLines;
    private final List<LogEntry> buffer = new ArrayList<>();
    private long outputLines;

    PipelineLog(DeploymentId deployment, AppendDeploymentLogPort logs, RunInTransactionPort transactions, Clock clock,
                int maxOutputLines) {
        this.deployment = deployment;
        this.logs = logs;
        this.transactions = transactions;
        this.clock = clock;
        this.maxOutputLines = maxOutputLines;
    }

    void step(LogLevel level, String message) {
        synchronized (this) {
            buffer.add(new LogEntry(Timestamps.now(clock), level, message));
        }
        flush();
    }

    void info(String message) {
        step(LogLevel.INFO, message);
    }

    void error(String message) {
        step(LogLevel.ERROR, message);
    }

    @Override
    public void stdout(String line) {
        output(LogLevel.INFO, line);
    }

    @Override
    public void stderr(String line) {
        output(LogLevel.WARN, line);
    }

    private void output(LogLevel level, String line) {
        boolean full;
        synchronized (this) {
            outputLines++;
            if (outputLines > maxOutputLines + 1) {
                return;
            }
            if (outputLines == maxOutputLines + 1) {
                // Said at the first dropped line, so a build printing exactly the cap loses
                // nothing and is not told it did.
                buffer.add(LogEntry.warn(Timestamps.now(clock),
                        "Build output exceeded " + maxOutputLines + " lines; further output is not kept"));
            } else {
                buffer.add(new LogEntry(Timestamps.now(clock), level, line));
            }
            full = buffer.size() >= BATCH_SIZE;
        }
        if (full) {
            flush();
        }
    }

    long outputLineCount() {
        synchronized (this) {
            return outputLines;
        }
    }

    /** Writes whatever is buffered. Callers serialise on this object, so batches never interleave. */
    synchronized void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<LogEntry> batch = List.copyOf(buffer);
        buffer.clear();
        // Lines that arrive after the deployment turned final (output flushed after a cancel)
        // are dropped: the log closed with the change that made it final.
        transactions.inTransaction(() -> logs.appendWhileActive(deployment, batch));
    }
}
