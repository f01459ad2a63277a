package dev.dotgit.application.port.in.deployment;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.LogLine;

/** A slice of a deployment's log, with the deployment as it was when the slice was read. */
public record DeploymentLog(Deployment deployment, Page<LogLine> lines) {
}
