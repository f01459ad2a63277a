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
}
