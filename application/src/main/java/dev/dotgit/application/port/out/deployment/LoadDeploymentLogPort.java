package dev.dotgit.application.port.out.deployment;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogLine;

public interface LoadDeploymentLogPort {

    /** Lines in sequence order; offset ranges also count all lines. */
    Page<LogLine> read(DeploymentId deployment, LogRange range);
}
