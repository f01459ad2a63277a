package dev.dotgit.application.port.out.deployment;

import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLine;
import java.util.List;

public interface AppendDeploymentLogPort {

    /**
     * Appends lines in order and gives them the next sequence numbers (1, 2, … without gaps,
     * also when several writers append concurrently). Appending to a deleted deployment writes
     * nothing and returns an empty list.
     */
    List<LogLine> append(DeploymentId deployment, List<LogEntry> entries);

    /**
     * As {@link #append}, but only while the deployment is queued, building or deploying;
     * once its final status is committed this writes nothing and returns an empty list.
     *
     * <p>Why: a log closes with its deployment. The change that makes a deployment final
     * writes its own last lines in the same transaction ({@link #append}); everything else
     * (build output flushed after a cancel, say) goes through here. So a reader that sees a
     * final status and then reads the lines has the whole log, which is what lets a live
     * stream end without losing or waiting for lines. A status change racing an append is
     * ordered by the row lock: an append that commits first is part of the log, one that
     * waits sees the final status and writes nothing.
     */
    List<LogLine> appendWhileActive(DeploymentId deployment, List<LogEntry> entries);
}
